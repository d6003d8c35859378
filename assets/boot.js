// Starts the explainer. A classic script in <head>, not an inline one (news pages with a strict
// Content-Security-Policy block those) and not a module or deferred one: it runs before the body
// is parsed, so everything it decides is in place for the first paint.
//
// The page is complete before this runs: every layer is prerendered into the HTML. What the
// loader decides, all on <html> (style/main.css reads it):
// - `data-app`: "loading" at once, "ready" once the app has started, "failed" if it could not
//   (with one console message naming why). Without it (this file blocked or failing, JavaScript
//   off) or when "failed", the stylesheet shows every layer one after another.
// - `data-layer="N"`: the layer the address links to, or a reader's choice made before the app
//   has started, shown by CSS from the first paint; removed once the app has made it its own.
// - `.embedded`: framed, or `?embed`: the host page has its own headline and chrome.
// - `data-theme`: the colour scheme, "light", "dark" or "auto" (follow the reader's system):
//   `?theme=` if it says exactly one of those, else light when embedded, auto at top level.
// A quote link (`#q-<id>`, `?quote=<id>`) shows the quote's layer the same way; once the page
// is parsed the quote is marked (`data-linked`), brought into view and focused, and a host
// page that frames us is told where it is, to scroll there. The loader keeps doing this for
// quote links followed later: the app knows layers, not quotes.
// The app (JS glue and WASM) loads at once inside a host page's frame (the host waits for our
// height) or for a deep link, otherwise at the reader's first sign of interest.
//
// The address functions below follow src/deep_link.rs rule for rule; tests/loader.rs runs them
// under Node beside the Rust ones on generated URLs, so the two can never read a URL apart.
"use strict";

const LAYER_PARAM = "layer";
const QUOTE_PARAM = "quote";
const QUOTE_FRAGMENT = "q-";
const EMBED_PARAM = "embed";
const STARTED_EVENT = "explainer:started";
// src/host_messages.rs: what we tell a host page, and what its embed.js tells us.
const QUOTE_SHOWN_EVENT = "coalition-explainer:quote";
const HOST_MESSAGE = "coalition-explainer:host";
const THEME_PARAM = "theme";
const THEMES = ["light", "dark", "auto"];

function queryPairs(search) {
  const query = search.startsWith("?") ? search.slice(1) : search;
  return query.split("&").filter((pair) => pair !== "");
}

function paramName(pair) {
  const equals = pair.indexOf("=");
  return equals < 0 ? pair : pair.slice(0, equals);
}

// Which layer (0-based) `search` and `hash` name, or null; the fragment wins.
function layerFromUrl(slugs, search, hash) {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  if (slugs.includes(fragment)) return slugs.indexOf(fragment);
  const value = paramValue(search, LAYER_PARAM);
  return slugs.includes(value) ? slugs.indexOf(value) : null;
}

function paramValue(search, name) {
  const pair = queryPairs(search).find((p) => p.includes("=") && paramName(p) === name);
  return pair?.slice(pair.indexOf("=") + 1);
}

// Which quote (its position in `quotes`, a list of [id, layer or null]) the address names, or
// null: `#q-<id>`, else `?quote=<id>` unless the fragment names a layer.
function quoteFromUrl(slugs, quotes, search, hash) {
  const position = (id) => {
    const index = quotes.findIndex(([quote]) => quote === id);
    return index < 0 ? null : index;
  };
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const linked = fragment.startsWith(QUOTE_FRAGMENT) ? position(fragment.slice(QUOTE_FRAGMENT.length)) : null;
  if (linked !== null) return linked;
  if (slugs.includes(fragment)) return null;
  const value = paramValue(search, QUOTE_PARAM);
  return value === undefined ? null : position(value);
}

// The layer to show: the linked quote's, if a layer holds it, else the linked layer.
function layerToShow(slugs, quotes, search, hash) {
  const quote = quoteFromUrl(slugs, quotes, search, hash);
  return (quote !== null ? quotes[quote][1] : null) ?? layerFromUrl(slugs, search, hash);
}

function embedRequested(search) {
  return queryPairs(search).some((pair) => paramName(pair) === EMBED_PARAM);
}

// The colour scheme `search` asks for: one `theme` parameter naming a theme exactly. Anything
// else (junk, another case, two of them) is the default: light in a host's page, whose article
// is light far more often than the reader's system is, and the system's own at top level.
function themeFromUrl(search, embedded) {
  const pairs = queryPairs(search).filter((pair) => paramName(pair) === THEME_PARAM);
  const value = pairs.length === 1 ? pairs[0].slice(THEME_PARAM.length + 1) : null;
  if (THEMES.includes(value)) return value;
  return embedded ? "light" : "auto";
}

// The tabs pattern's keys (src/state.rs `action_for_key`) and Previous / Next, as moves.
const KEY_MOVES = {
  ArrowDown: "next",
  ArrowRight: "next",
  ArrowUp: "previous",
  ArrowLeft: "previous",
  Home: "first",
  End: "last",
};

function moved(move, current, total) {
  const last = total - 1;
  const targets = {
    next: Math.min(current + 1, last),
    previous: Math.max(current - 1, 0),
    first: 0,
    last,
  };
  return targets[move];
}

// `data-quotes` (from the prerender): `id:layer` for a quote a layer holds, a bare id otherwise.
function quotesOf(attribute) {
  return attribute
    .split(" ")
    .filter((entry) => entry !== "")
    .map((entry) => {
      const [id, layer] = entry.split(":");
      return [id, layer === undefined ? null : Number(layer)];
    });
}

function whenParsed(callback) {
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", () => callback(), { once: true });
  else callback();
}

// Under Node (tests/loader.rs) there is no document: only the functions above are defined.
if (typeof document === "object") boot(document.currentScript);

function boot(tag) {
  const root = document.documentElement;
  const slugs = (tag.dataset.layers ?? "").split(" ").filter((slug) => slug !== "");
  const quotes = quotesOf(tag.dataset.quotes ?? "");
  const framed = window.top !== window.self;
  const embedded = framed || embedRequested(location.search);
  root.dataset.app = "loading";
  if (embedded) root.classList.add("embedded");
  root.dataset.theme = themeFromUrl(location.search, embedded);

  // The layer on screen before the app runs, and the one a reader chose meanwhile (if any).
  const linked = layerToShow(slugs, quotes, location.search, location.hash);
  const linkedQuote = () => quoteFromUrl(slugs, quotes, location.search, location.hash);
  let shown = linked ?? 0;
  let readerChoice = null;
  if (linked !== null) show(linked);
  followQuoteLinks();

  function show(index) {
    shown = index;
    root.dataset.layer = String(index + 1);
  }

  // A linked quote: marked, in view and focused once the page is parsed, and again for every
  // quote link followed later (after the app, or the loader, has shown its layer). A host page
  // that frames us learns where it is, now and whenever its embed.js says it is listening.
  function followQuoteLinks() {
    let current = null;
    const showQuote = () => {
      const index = linkedQuote();
      if (index === null) return;
      current = document.getElementById(QUOTE_FRAGMENT + quotes[index][0]);
      document.querySelector("[data-linked]")?.removeAttribute("data-linked");
      if (!current) return;
      current.dataset.linked = "";
      if (!framed) current.scrollIntoView({ block: "center" });
      current.focus({ preventScroll: true });
      tellHost();
    };
    const tellHost = () => {
      if (!framed || !current?.isConnected) return;
      const top = Math.round(current.getBoundingClientRect().top + scrollY);
      parent.postMessage({ type: QUOTE_SHOWN_EVENT, quote: current.id.slice(QUOTE_FRAGMENT.length), top }, "*");
    };
    whenParsed(showQuote);
    addEventListener("hashchange", () => {
      const layer = layerToShow(slugs, quotes, location.search, location.hash);
      if (root.dataset.app === "loading" && layer !== null) show(layer);
      // The app shows the layer in its next render: mark the quote once that is painted.
      requestAnimationFrame(() => setTimeout(showQuote));
    });
    addEventListener("message", (event) => {
      if (event.source === parent && event.data?.type === HOST_MESSAGE) tellHost();
    });
  }

  const tabOf = (index) => document.getElementById(`tab-${slugs[index]}`);
  const STEP_MOVES = { "walkthrough__step--next": "next", "walkthrough__step--previous": "previous" };

  // The layer a press on `control` chooses, and the element that should then have focus.
  function choiceOf(control, event) {
    if (control.dataset.ring !== undefined) {
      return event.type === "click" ? { index: slugs.indexOf(control.dataset.ring) } : null;
    }
    if (control.getAttribute("role") === "tab") {
      const move = event.type === "keydown" ? KEY_MOVES[event.key] : null;
      if (event.type === "click") return { index: slugs.indexOf(control.id.slice("tab-".length)) };
      if (!move) return null;
      const index = moved(move, shown, slugs.length);
      return { index, focus: () => tabOf(index) };
    }
    const step = Object.keys(STEP_MOVES).find((name) => control.classList.contains(name));
    if (!step || event.type !== "click") return null;
    const index = moved(STEP_MOVES[step], shown, slugs.length);
    const panel = () => document.getElementById(`panel-${slugs[index]}`);
    return { index, focus: () => panel()?.querySelector(`.${step}`) };
  }

  // A click, tap or tab key on a layer control (a tab, Previous / Next, a ring of the drawing)
  // before the app runs: shown at once, and made the app's own once it has started. Native
  // controls (the embed code's <summary>) need no app.
  function onEarlyInput(event) {
    const control = event.target.closest?.("button, [data-ring]");
    const choice = control && choiceOf(control, event);
    if (!choice || choice.index < 0) return;
    event.preventDefault();
    show(choice.index);
    readerChoice = choice.index;
    choice.focus?.()?.focus();
    startApp();
  }

  function listen(on) {
    for (const type of ["click", "keydown"]) {
      (on ? addEventListener : removeEventListener)(type, onEarlyInput, true);
    }
  }

  let app = null;
  function startApp() {
    if (app) return;
    const dom = new Promise(whenParsed);
    document.addEventListener(STARTED_EVENT, onStarted, { once: true });
    app = Promise.all([loadGlue(), fetchWasm(), dom])
      .then(([glue, wasm]) => glue.default({ module_or_path: wasm }))
      .catch((error) => fail(String(error?.message ?? error)));
  }

  function loadGlue() {
    return import(tag.dataset.js).catch((error) => {
      throw new Error(`its script ${tag.dataset.js} did not load (${error.message})`);
    });
  }

  function fetchWasm() {
    return fetch(tag.dataset.wasm).then((response) => {
      if (!response.ok) throw new Error(`its code ${tag.dataset.wasm} answered ${response.status}`);
      return response;
    });
  }

  // The app has hydrated and read the address (src/hooks/use_started_signal.rs). A reader's
  // early choice goes to it as a click, which it applies after the address, writes to the
  // address bar and announces. The loader's mark goes only once the app shows that layer
  // itself (its tab selected), so no frame falls back to the prerendered one in between.
  function onStarted() {
    listen(false);
    root.dataset.app = "ready";
    if (readerChoice !== null) tabOf(readerChoice)?.click();
    const tab = tabOf(shown);
    if (!tab || tab.getAttribute("aria-selected") === "true") return forgetChoice();
    // The app selects a tab itself once it has rendered (the linked one, or the reader's next
    // choice): only then is its own panel the right one to show. A press in between must not
    // hand it the page early, or the prerendered first panel would flash by.
    const tabs = tab.closest("[role=tablist]") ?? document;
    const observer = new MutationObserver(() => (observer.disconnect(), forgetChoice()));
    observer.observe(tabs, { subtree: true, attributes: true, attributeFilter: ["aria-selected"] });
  }

  function forgetChoice() {
    delete root.dataset.layer;
  }

  function fail(cause) {
    listen(false);
    root.dataset.app = "failed";
    forgetChoice();
    console.error(`Explainer did not start: ${cause}. Every layer is shown instead.`);
  }

  if (typeof WebAssembly !== "object") {
    fail("this browser cannot run WebAssembly");
    return;
  }
  listen(true);
  // Without our stylesheet a layer chosen early could not be shown: start the app at once.
  const styled = getComputedStyle(root).getPropertyValue("--stylesheet") !== "";
  if (framed || linked !== null || !styled) startApp();
  else {
    for (const type of ["pointerover", "focusin", "touchstart"]) {
      addEventListener(type, startApp, { capture: true, once: true, passive: true });
    }
  }
}
