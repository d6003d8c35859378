// The host article's own script: pushes the first paragraph down a few screens (no inline
// style under the strict policy) and records, for the suite, every event embed.js dispatches
// on the explainer's iframe and every raw message the page receives.
"use strict";
window.__hostEvents = [];
window.__hostMessages = [];
const EVENTS = ["coalition-explainer:layer", "coalition-explainer:quote-link", "coalition-explainer:quote"];
addEventListener("message", (event) => window.__hostMessages.push(event.data));
addEventListener("DOMContentLoaded", () => {
  for (const filler of document.querySelectorAll(".filler")) filler.style.minHeight = "150vh";
  // One line per event, as the README tells hosts.
  for (const type of EVENTS) {
    document.querySelector("iframe").addEventListener(type, (event) => window.__hostEvents.push(event.detail));
  }
});
