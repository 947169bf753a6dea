// 다듬 task pane. The function catalogue and the training list are rendered by the server;
// this script inserts example formulas, reads the workbook's recipe and shows the key status.
// Everything it fetches comes from this server (망분리 networks).
const RECIPE_SHEET = "_다듬_레시피";
const root = document.getElementById("dadeum");
const appPath = root ? root.dataset.appPath || "" : "";

// The ribbon's 학습 button calls this (ribbon.js) after opening the pane.
function showSection(section) {
  const target = document.getElementById(section);
  if (!target) return;
  target.scrollIntoView({ behavior: "smooth", block: "start" });
  target.classList.add("dadeum-highlight");
  setTimeout(() => target.classList.remove("dadeum-highlight"), 1500);
  if (section === "recipe") loadRecipe();
}
globalThis.showSection = showSection;

async function authHeaders() {
  // auth.js (sign-in) defines getAuth when the server asks for a token.
  if (typeof globalThis.getAuth !== "function") return {};
  const auth = await globalThis.getAuth();
  const headers = {};
  if (auth && auth.token) headers.Authorization = auth.token;
  if (auth && auth.provider) headers["Auth-Provider"] = auth.provider;
  return headers;
}

function setText(id, text) {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}

// --- function catalogue: insert the example at the selection -------------------------------
async function insertFormula(formula) {
  try {
    await Excel.run(async (context) => {
      // The top-left cell of the selection, so a larger selection does not need a formula
      // array of its own shape; a range result spills from there.
      const cell = context.workbook.getSelectedRange().getCell(0, 0);
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      setText("insert-status", `${cell.address}에 ${formula}를 넣었습니다. 범위를 고쳐 쓰세요.`);
    });
  } catch (error) {
    setText("insert-status", "수식을 넣지 못했습니다: " + error.message);
  }
}

document.querySelectorAll(".dadeum-insert").forEach((button) => {
  button.addEventListener("click", () => insertFormula(button.dataset.formula));
});

// --- recipe: read the hidden sheet with Office.js, let the server turn it into JSON ----------
function showRecipeTable(cells) {
  const table = document.getElementById("recipe-table");
  if (!table) return;
  table.replaceChildren(
    ...cells.map((row, index) => {
      const tr = document.createElement("tr");
      row.forEach((cell) => {
        const td = document.createElement(index === 0 ? "th" : "td");
        td.textContent = cell === null ? "" : String(cell);
        tr.append(td);
      });
      return tr;
    }),
  );
}

let downloadUrl = null;

function showRecipeJson(text, name) {
  const box = document.getElementById("recipe-export");
  document.getElementById("recipe-json").value = text;
  // A download link from a Blob: works in Excel on the web and most desktop builds. Where the
  // Office web view blocks downloads, 복사 then paste into Notepad always works, and the
  // ribbon's 내보내기 writes the same JSON into a cell.
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.getElementById("recipe-download");
  link.href = downloadUrl;
  link.download = `${name || "레시피"}.json`;
  box.classList.remove("d-none");
}

async function loadRecipe() {
  const status = "recipe-status";
  if (typeof Excel === "undefined") {
    setText(status, "엑셀 안에서 열면 이 통합 문서의 레시피를 보여 줍니다.");
    return;
  }
  try {
    const cells = await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(RECIPE_SHEET);
      await context.sync();
      if (sheet.isNullObject) return null;
      const used = sheet.getUsedRange(true);
      used.load("values");
      await context.sync();
      return used.values;
    });
    if (!cells) {
      setText(status, "아직 기록된 레시피가 없습니다. 정리·기계판독 변환·가명처리를 실행하면 기록됩니다.");
      showRecipeTable([]);
      document.getElementById("recipe-export").classList.add("d-none");
      return;
    }
    const response = await fetch(`${appPath}/dadeum/recipe`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(await authHeaders()) },
      body: JSON.stringify({ cells }),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.detail || response.statusText);
    if (!answer.recipe) {
      setText(status, "레시피 시트가 비어 있습니다.");
      return;
    }
    setText(status, `레시피 '${answer.recipe.name}': 단계 ${answer.recipe.steps.length}개`);
    showRecipeTable(cells);
    showRecipeJson(answer.json, answer.recipe.name);
  } catch (error) {
    setText(status, "레시피를 읽지 못했습니다: " + error.message);
  }
}

async function copyRecipe() {
  const box = document.getElementById("recipe-json");
  try {
    await navigator.clipboard.writeText(box.value);
  } catch {
    box.select(); // older web views: the selection and the legacy copy command
    document.execCommand("copy");
  }
  setText("recipe-status", "레시피 JSON을 복사했습니다. 메모장에 붙여 넣고 .json으로 저장하세요.");
}

document.getElementById("recipe-refresh")?.addEventListener("click", loadRecipe);
document.getElementById("recipe-copy")?.addEventListener("click", copyRecipe);

// --- settings: the pseudonymisation key's status (the server never sends the key) -------------
async function loadKeyStatus() {
  const element = document.getElementById("key-status");
  if (!element) return;
  try {
    const response = await fetch(element.dataset.url, { headers: await authHeaders() });
    const status = await response.json();
    if (!response.ok) throw new Error(status.detail || response.statusText);
    element.textContent = status.configured
      ? `'${status.name}' 설정됨 (지문 ${status.fingerprint})`
      : `'${status.name || "default"}' 없음: ${status.problem || "키 파일이 없습니다."}`;
    element.classList.toggle("text-danger", !status.configured);
  } catch (error) {
    element.textContent = "확인하지 못했습니다: " + error.message;
  }
}

// --- settings: the user's access token (sign-in with tokens; kept by auth.js) -----------------
function showTokenStatus() {
  const auth = globalThis.dadeumAuth;
  if (!auth || !document.getElementById("token-status")) return;
  setText(
    "token-status",
    auth.hasToken()
      ? "이 PC에 접근 토큰이 저장되어 있습니다."
      : "저장된 접근 토큰이 없습니다. 서버 관리자에게 받은 토큰을 넣고 저장하세요."
  );
}

function saveToken(value) {
  const input = document.getElementById("access-token");
  if (!globalThis.dadeumAuth.setToken(value)) {
    setText("token-status", "이 PC에서는 토큰을 저장할 수 없습니다(브라우저 저장소가 막혀 있음).");
    return;
  }
  if (input) input.value = ""; // never leave the token on screen
  showTokenStatus();
  loadKeyStatus();
}

document
  .getElementById("token-save")
  ?.addEventListener("click", () => saveToken(document.getElementById("access-token").value));
document.getElementById("token-clear")?.addEventListener("click", () => saveToken(""));

showTokenStatus();
loadKeyStatus();
if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady((info) => {
    if (info && info.host === Office.HostType.Excel) loadRecipe();
    else setText("recipe-status", "엑셀 안에서 열면 이 통합 문서의 레시피를 보여 줍니다.");
    if (location.hash) showSection(location.hash.slice(1));
  });
}
