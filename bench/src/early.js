// Installed before the page's own scripts (CDP Page.addScriptToEvaluateOnNewDocument) with
// `TARGET` defined in front: clicks layer 2's control from the moment it exists, every 5 ms,
// until layer 2's quote shows, and records when it first did (ms after navigation start).
// A control that is on screen but not yet wired (a prerendered tab before hydration, a
// TimelineJS marker before its handlers) does nothing: that is what "working" measures.
(function (target) {
  "use strict";
  var clicks = 0;
  var observer = new MutationObserver(check);

  function shown() {
    var quote = document.querySelector(target.quote);
    if (!quote || !quote.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      return false;
    }
    var box = quote.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      return false;
    }
    // TimelineJS keeps every slide rendered side by side and slides the current one into its
    // frame: its quote shows once it lies inside that frame.
    var frame = target.within && document.querySelector(target.within);
    if (!frame) {
      return !target.within;
    }
    var bounds = frame.getBoundingClientRect();
    return box.left >= bounds.left - 1 && box.right <= bounds.right + 1;
  }

  function check() {
    if (window.__benchFirstClick) {
      return true;
    }
    if (clicks === 0 || !shown()) {
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
