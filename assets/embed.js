// The host article's side of an explainer frame (<iframe data-coalition-explainer>), one script
// for every frame on the page:
// - Fit: as wide as the article and borderless (the embed code carries no inline style, which
//   strict host policies refuse, and HTML's width attribute takes no percentage), and as tall as
//   its content: the explainer reports its height with AMP's embed-size message.
// - Links through the article: a fragment `#explainer-<ours>` on the article's address
//   (`#explainer-q-<quote id>`, `#explainer-<layer slug>`) is handed to the frame as `#<ours>`;
//   the article scrolls to the explainer, then to the quote once the frame says where it is.
//   The frame is told the article's address, so a link a reader copies in it goes through the
//   article too.
// - Events: the explainer's messages (`coalition-explainer:layer`, `…:quote-link`, `…:quote`)
//   are dispatched on the <iframe> as DOM CustomEvents of the same name, `detail` the message.
// Only a message from one of those frames' own windows is read, and only its known fields.
(function () {
  "use strict";

  const SELECTOR = "iframe[data-coalition-explainer]";
  // src/host_messages.rs and src/quote_link.rs name these.
  const MESSAGE_PREFIX = "coalition-explainer:";
  const HOST_MESSAGE = "coalition-explainer:host";
  const QUOTE_SHOWN_EVENT = "coalition-explainer:quote";
  const HOST_FRAGMENT_PREFIX = "explainer-";
  // What each event may carry, and of which type; anything else is dropped.
  const EVENT_FIELDS = {
    "coalition-explainer:layer": { slug: "string", index: "number", total: "number" },
    "coalition-explainer:quote-link": { quote: "string" },
    "coalition-explainer:quote": { quote: "string", top: "number" },
  };
  const LONGEST_NAME = 100;

  // The fragment to hand the frame for the article's `hash`, or null: only our own names
  // (letters, digits, hyphens) pass, so nothing else of the article's address reaches the frame.
  function forwardedFragment(hash) {
    const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
    if (!fragment.startsWith(HOST_FRAGMENT_PREFIX)) return null;
    const ours = fragment.slice(HOST_FRAGMENT_PREFIX.length);
    return /^[a-z0-9-]+$/.test(ours) && ours.length <= LONGEST_NAME ? ours : null;
  }

  // The event `data` describes, as [type, detail], or null if it is not one of ours.
  function eventOf(data) {
    // Own names only: `__proto__` or `toString` must not pass as a type.
    if (!data || typeof data !== "object" || !Object.hasOwn(EVENT_FIELDS, data.type)) return null;
    const fields = EVENT_FIELDS[data.type];
    const detail = { type: data.type };
    for (const [name, type] of Object.entries(fields)) {
      const value = data[name];
      const fits = type === "number" ? Number.isFinite(value) : typeof value === "string" && value.length <= LONGEST_NAME;
      if (!fits) return null;
      detail[name] = value;
    }
    return [data.type, detail];
  }

  // Under Node (tests/loader.rs) there is no document: the functions above are handed over for
  // testing. On a host page nothing leaves this function: its names must not meet the host's.
  if (typeof document !== "object") {
    globalThis.embedScript = { forwardedFragment, eventOf, MESSAGE_PREFIX, HOST_MESSAGE, QUOTE_SHOWN_EVENT, HOST_FRAGMENT_PREFIX, EVENT_FIELDS };
    return;
  }
  embed();

  function embed() {
    const frames = () => Array.from(document.querySelectorAll(SELECTOR));
    const frameOf = (source) => frames().find((frame) => frame.contentWindow === source) ?? null;
    const forwarded = forwardedFragment(location.hash);
    // The frame a link went to, and where in it the quote is, until the reader scrolls.
    let pending = null;

    function fit(frame) {
      frame.style.width = "100%";
      frame.style.border = "0";
    }

    // Told whenever the frame reports its size: its page is ours then and its app listening
    // (the app reports on start), however often it was loaded.
    function tellArticle(frame, origin) {
      const article = location.href.split("#")[0];
      frame.contentWindow?.postMessage({ type: HOST_MESSAGE, url: article }, origin);
    }

    function forward(frame) {
      const source = new URL(frame.src, location.href);
      source.hash = forwarded;
      frame.loading = "eager";
      frame.src = source.href;
      frame.scrollIntoView({ block: "start" });
      pending = { frame, top: null };
      for (const type of ["wheel", "touchstart", "keydown"]) {
        addEventListener(type, () => (pending = null), { once: true, passive: true });
      }
    }

    // Done once the frame is tall enough to hold the quote: later height changes (a reader's
    // choice inside the frame) must not move the article.
    function scrollToQuote() {
      if (!pending || pending.top === null) return;
      const box = pending.frame.getBoundingClientRect();
      scrollTo({ top: Math.max(0, box.top + scrollY + pending.top - 16) });
      if (box.height > pending.top) pending = null;
    }

    frames().forEach(fit);
    if (forwarded !== null && frames().length > 0) forward(frames()[0]);

    addEventListener("message", (event) => {
      const frame = frameOf(event.source);
      const data = event.data;
      if (!frame || !data || typeof data !== "object") return;
      if (data.sentinel === "amp" && data.type === "embed-size") {
        const height = Math.ceil(Number(data.height));
        if (!(height > 0 && height < 100000)) return;
        fit(frame);
        frame.height = String(height);
        tellArticle(frame, event.origin);
        if (pending?.frame === frame) scrollToQuote();
        return;
      }
      const ours = typeof data.type === "string" && data.type.startsWith(MESSAGE_PREFIX) ? eventOf(data) : null;
      if (!ours) return;
      const [type, detail] = ours;
      if (type === QUOTE_SHOWN_EVENT && pending?.frame === frame) {
        pending.top = detail.top;
        scrollToQuote();
      }
      frame.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
    });
  }
})();
