// The frame sampler: loaded right after the probe when a scenario asks for it (the server's
// `Setup::sample_frames`), and inlined into the test copy of standalone.html. From navigation
// start it records, at every animation frame, which layer panels are on screen (the ids of the
// `[role=tabpanel]` elements with a box), the page's background colour (which scheme is
// painted), `<html data-app>` and whether the HTML is still arriving, as runs of identical
// frames: a check made once after load cannot see a layer, or a colour scheme, that flashed on
// screen first.
// It forces no layout while a stylesheet is still loading (nothing is painted then, and Firefox
// warns about layout forced before its stylesheets), and records that as "(styles loading)".
(function () {
  "use strict";
  var runs = [];
  var framesSinceReady = 0;
  var shifts = null;
  var movers = [];
  var observer = null;
  var pending = 0;

  function stylesLoading() {
    var links = document.querySelectorAll("link[rel~=stylesheet]");
    return Array.prototype.some.call(links, function (link) { return !link.sheet; });
  }

  function panelsOnScreen() {
    var panels = document.querySelectorAll("[role=tabpanel]");
    return Array.prototype.filter.call(panels, function (panel) {
      return panel.checkVisibility({ visibilityProperty: true });
    }).map(function (panel) { return panel.id; }).join(" ");
  }

  function sample(time) {
    var root = document.documentElement;
    var app = root.getAttribute("data-app") || "";
    var loading = stylesLoading();
    var shown = loading ? "(styles loading)" : panelsOnScreen();
    var background = loading ? "" : getComputedStyle(root).backgroundColor;
    var arriving = document.readyState === "loading";
    var last = runs[runs.length - 1];
    if (last && last.shown === shown && last.app === app && last.background === background &&
        last.arriving === arriving) {
      last.frames += 1;
      last.to = time;
    } else {
      runs.push({
        from: time, to: time, frames: 1, shown: shown, app: app, background: background, arriving: arriving
      });
    }
    if (app === "ready") framesSinceReady += 1;
    pending = requestAnimationFrame(sample);
  }
  pending = requestAnimationFrame(sample);

  // Layout shifts without recent input, where the engine reports them (Chromium).
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  // What moved and when, so a failure says where to look: "at 120 ms: tag#id.class x,y,w,h ->
  // x,y,w,h" (the boxes in CSS pixels of the viewport).
  function nameOf(node) {
    if (!node) return "(a removed node)";
    if (node.nodeType !== 1) return "text in " + nameOf(node.parentElement);
    var classes = Array.prototype.map.call(node.classList, function (name) { return "." + name; });
    return node.tagName.toLowerCase() + (node.id ? "#" + node.id : "") + classes.join("");
  }
  function box(rect) {
    return [rect.x, rect.y, rect.width, rect.height].map(function (value) {
      return Math.round(value * 100) / 100;
    }).join(",");
  }
  function describe(source) {
    return nameOf(source.node) + " " + box(source.previousRect) + " -> " + box(source.currentRect);
  }
  function addShifts(entries) {
    entries.forEach(function (entry) {
      if (entry.hadRecentInput) return;
      shifts += entry.value;
      var when = "at " + Math.round(entry.startTime) + " ms: ";
      (entry.sources || []).forEach(function (source) { movers.push(when + describe(source)); });
    });
  }
  if (types.indexOf("layout-shift") >= 0) {
    shifts = 0;
    observer = new PerformanceObserver(function (list) { addShifts(list.getEntries()); });
    observer.observe({ type: "layout-shift", buffered: true });
  }

  window.__e2eFrames = {
    // Called before the suite navigates away: Firefox warns about a frame callback it has to
    // cut short ("Script terminated by timeout").
    stop: function () { cancelAnimationFrame(pending); },
    report: function () {
      if (observer) addShifts(observer.takeRecords());
      return { runs: runs, framesSinceReady: framesSinceReady, layoutShift: shifts, shifted: movers };
    }
  };
})();
