// Ribbon buttons of the 다듬 tab: each FunctionName in manifest.xml runs one Python script.
// Replaces xlwings Server's own ribbon.js (the project folder overrides package files).
function bindRibbon(actionId, scriptName) {
  Office.actions.associate(actionId, async (event) => {
    try {
      const auth =
        typeof globalThis.getAuth === "function"
          ? await globalThis.getAuth()
          : { token: "", provider: "" };
      await xlwings.runPython({
        scriptName: scriptName,
        auth: auth.token,
        headers: { "Auth-Provider": auth.provider },
      });
    } finally {
      event.completed();
    }
  });
}

bindRibbon("run-clean-sheet", "clean_sheet");
bindRibbon("run-tidy-sheet", "tidy_sheet");
bindRibbon("run-check-sheet", "check_sheet");
