// After the load event and `settle` ms more: what the first view cost and how it behaved.
// `loaded()` comes from urls.js, put in front of this file.
// Arguments: settle (ms), then WebDriver's callback.
var settle = arguments[0];
var done = arguments[arguments.length - 1];
setTimeout(function () {
  var shifts = [];
  var observer = new PerformanceObserver(function (list) {
    shifts.push.apply(shifts, list.getEntries());
  });
  // Buffered: every shift since navigation start, delivered to the callback shortly.
  observer.observe({ type: "layout-shift", buffered: true });
  setTimeout(function () {
    shifts.push.apply(shifts, observer.takeRecords());
    observer.disconnect();
    var paint = performance.getEntriesByName("first-contentful-paint")[0];
    done({
      fcp: paint ? paint.startTime : null,
      cls: shifts
        .filter(function (shift) { return !shift.hadRecentInput; })
        .reduce(function (sum, shift) { return sum + shift.value; }, 0),
      elements: document.getElementsByTagName("*").length,
      urls: loaded(),
      reducedMotion: matchMedia("(prefers-reduced-motion: reduce)").matches,
      // The e2e server's probe (it wraps addEventListener) must not be in a measured page.
      probed: typeof window.__e2e !== "undefined",
    });
  }, 100);
}, settle);

