// Starts the explainer. It is a file, not an inline script, so news pages with a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') run it.
//
// The page is complete before this runs: every layer is prerendered into the HTML. So the app
// (JS glue and WASM) loads only when it is needed: at once for a deep link or inside a host
// page's frame (the host waits for our height), otherwise at the reader's first sign of
// interest (pointer over the page, focus, touch). A click or key press that arrives while the app
// loads is replayed when it is ready, so no choice is lost; a layer chosen meanwhile shows at
// once (see `showChoice`), so the reader never waits for the download. If this browser cannot run
// WebAssembly, or the app fails to load, the static stylesheet shows every layer at once, as it
// does with JavaScript off.
const tag = document.querySelector("script[data-wasm]");
const params = new URLSearchParams(location.search);
const framed = window.top !== window.self;

// Embed mode (framed, or `?embed`): the host page has its own headline and chrome.
if (framed || params.has("embed")) {
  document.documentElement.classList.add("embedded");
}

function showStaticPage() {
  forgetChoice();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  // The standalone file carries the stylesheet itself, as a data: URL.
  link.href = tag?.dataset.static ?? new URL("static.css", import.meta.url).href;
  document.head.append(link);
}

// Settles when the app has started (or failed to), whatever started it.
let started;
const ready = new Promise((resolve) => (started = resolve));
let app = null;
function startApp() {
  if (!app) {
    app = import(tag.dataset.js).then((glue) => glue.default({ module_or_path: tag.dataset.wasm }));
    started(app);
  }
  return app;
}

// Clicks on buttons and the tab keys, held until the app can act on them. Native controls
// (the embed code's <summary>) work without the app and are left alone.
const TAB_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"];
const waiting = [];
function holdUntilReady(event) {
  const control = event.target.closest?.("button");
  const wanted = event.type === "click" || TAB_KEYS.includes(event.key);
  if (!control || !wanted) return;
  event.preventDefault();
  waiting.push({ control, type: event.type, key: event.key });
  if (event.type === "click" && control.getAttribute("role") === "tab") showChoice(control);
  startApp();
}

// Shows the panel of a layer tab clicked while the app loads, and marks the tab as chosen:
// style/main.css styles `[data-chosen]` as selected while `<html data-choosing>` is set. Only
// data attributes change, never ones the app renders, so it hydrates the page as prerendered;
// the replayed click then makes the choice the app's own, and `forgetChoice` drops the marks.
function showChoice(tab) {
  const panel = document.getElementById(tab.getAttribute("aria-controls"));
  if (!panel) return;
  forgetChoice();
  for (const element of [tab, panel]) element.dataset.chosen = "";
  document.documentElement.dataset.choosing = "";
}

function forgetChoice() {
  delete document.documentElement.dataset.choosing;
  for (const element of document.querySelectorAll("[data-chosen]")) delete element.dataset.chosen;
}

function replay({ control, type, key }) {
  if (type === "click") control.click();
  else control.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
}

function startOnInterest() {
  const begin = () => startApp();
  for (const type of ["pointerover", "focusin", "touchstart"]) {
    addEventListener(type, begin, { capture: true, once: true, passive: true });
  }
  for (const type of ["click", "keydown"]) addEventListener(type, holdUntilReady, true);
}

function onReady() {
  for (const type of ["click", "keydown"]) removeEventListener(type, holdUntilReady, true);
  // Tells host pages and tests that the app has taken over the page.
  document.documentElement.dataset.app = "ready";
  // The app's first render and effects run in the same task as its start; replay after it.
  // Yew renders a click's change before `click()` returns, so the marks go with nothing between.
  requestAnimationFrame(() => {
    waiting.splice(0).forEach(replay);
    forgetChoice();
  });
}

if (typeof WebAssembly !== "object" || !tag) {
  showStaticPage();
} else {
  ready.then(onReady).catch(showStaticPage);
  const needsAppNow = framed || location.hash.length > 1 || params.has("layer");
  if (needsAppNow) startApp();
  else startOnInterest();
}
