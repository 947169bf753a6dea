// Sign-in for every call the add-in makes. xlwings calls globalThis.getAuth() before each
// custom function, ribbon script and task-pane request, and sends `token` as the
// Authorization header and `provider` as the Auth-Provider header.
//
// - custom (small offices): the access token the administrator gave the user, kept in this
//   add-in's local storage (the task pane and the custom functions share one runtime, so
//   one entry serves both). The task pane's settings call dadeumAuth.setToken(...).
// - entraid (Microsoft 365): Office's single sign-on token, via xlwings.getAccessToken().
// With both switched on, a stored access token is used, else Microsoft 365.
(function () {
  const TOKEN_KEY = "dadeum.accessToken";

  function storage() {
    try {
      return globalThis.localStorage || null;
    } catch (error) {
      return null; // storage blocked by the browser: behave as if no token was saved
    }
  }

  globalThis.dadeumAuth = {
    getToken() {
      const store = storage();
      return (store && store.getItem(TOKEN_KEY)) || "";
    },
    setToken(token) {
      const store = storage();
      const value = String(token || "").trim();
      if (!store) return false;
      if (value) store.setItem(TOKEN_KEY, value);
      else store.removeItem(TOKEN_KEY);
      return true;
    },
    clearToken() {
      return this.setToken("");
    },
    hasToken() {
      return this.getToken() !== "";
    },
    providers() {
      const config = globalThis.config;
      return (config && config.authProviders) || [];
    },
  };

  globalThis.getAuth = async function () {
    const providers = globalThis.dadeumAuth.providers();
    const token = globalThis.dadeumAuth.getToken();
    if (providers.includes("custom") && (token || !providers.includes("entraid"))) {
      return { token: token, provider: "custom" };
    }
    if (providers.includes("entraid")) {
      return { token: await xlwings.getAccessToken(), provider: "entraid" };
    }
    return { token: "", provider: "" };
  };
})();
