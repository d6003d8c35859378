// Starts the explainer. It is a file, not an inline script, so news pages with a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval') run it.
//
// The page is already readable: every layer is prerendered into the HTML. If this browser
// cannot run WebAssembly, or the app fails to load, the static stylesheet shows all layers at
// once, just as it does with JavaScript off, so the reader loses nothing.
const tag = document.querySelector("script[data-wasm]");

// Embed mode (framed, or `?embed`): the host page has its own headline and chrome.
if (window.top !== window.self || new URLSearchParams(location.search).has("embed")) {
  document.documentElement.classList.add("embedded");
}

function showStaticPage() {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  // The standalone file carries the stylesheet itself, as a data: URL.
  link.href = tag?.dataset.static ?? new URL("static.css", import.meta.url).href;
  document.head.append(link);
}

if (typeof WebAssembly !== "object" || !tag) {
  showStaticPage();
} else {
  import(tag.dataset.js)
    .then((app) => app.default({ module_or_path: tag.dataset.wasm }))
    .catch(showStaticPage);
}
