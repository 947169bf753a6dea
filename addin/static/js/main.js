// Task pane: list the custom functions from the server's own metadata, so the catalogue can
// never drift from what Excel registers.
async function showFunctionCatalogue() {
  const list = document.getElementById("function-catalogue");
  if (!list) return;
  try {
    const response = await fetch(list.dataset.metaUrl);
    const meta = await response.json();
    list.replaceChildren(
      ...meta.functions.map((fn) => {
        const item = document.createElement("li");
        item.className = "mb-2";
        const name = document.createElement("code");
        name.textContent = `=${list.dataset.namespace}.${fn.name}(${fn.parameters.map((p) => p.name).join(", ")})`;
        const description = document.createElement("div");
        description.textContent = fn.description;
        item.append(name, description);
        return item;
      }),
    );
  } catch (error) {
    list.replaceChildren(Object.assign(document.createElement("li"), {
      textContent: "함수 목록을 불러오지 못했습니다: " + error,
    }));
  }
}

showFunctionCatalogue();
