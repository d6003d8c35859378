// Installed before the page's own scripts (CDP Page.addScriptToEvaluateOnNewDocument) with
// `TARGET` and shown.js's `shown` defined in front: clicks layer 2's control from the moment it
// exists, every 5 ms, until layer 2's quote shows, and records when it first did (ms after navigation start).
// A control that is on screen but not yet wired (a prerendered tab before hydration, a
// TimelineJS marker before its handlers) does nothing: that is what "working" measures.
(function (target) {
  "use strict";
  var clicks = 0;
  var observer = new MutationObserver(check);

  function check() {
    if (window.__benchFirstClick) {
      return true;
    }
    if (clicks === 0 || !shown(target.quote, target.within)) {
      return false;
    }
    window.__benchFirstClick = { at: performance.now(), clicks: clicks };
    observer.disconnect();
    return true;
  }

  function attempt() {
    if (check()) {
      return;
    }
    var control = document.querySelector(target.control);
    if (control) {
      control.click();
      clicks += 1;
    }
    setTimeout(attempt, 5);
  }

  observer.observe(document, { subtree: true, childList: true, attributes: true });
  attempt();
})(TARGET);
