// After the load event and `settle` ms more: what the first view cost and how it behaved.
// `loaded()` comes from urls.js, put in front of this file.
// Arguments: settle (ms), then WebDriver's callback.
var settle = arguments[0];
var done = arguments[arguments.length - 1];
setTimeout(function () {
  var entries = [];
  var observer = new PerformanceObserver(function (list) {
    entries.push.apply(entries, list.getEntries());
  });
  // Buffered: every entry since navigation start, delivered to the callback shortly.
  observer.observe({ type: "layout-shift", buffered: true });
  observer.observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(function () {
    entries.push.apply(entries, observer.takeRecords());
    observer.disconnect();
    var ofType = function (type) {
      return entries.filter(function (entry) { return entry.entryType === type; });
    };
    var paint = performance.getEntriesByName("first-contentful-paint")[0];
    // The last candidate is the page's largest content, at the time it was painted.
    var largest = ofType("largest-contentful-paint").pop();
    done({
      fcp: paint ? paint.startTime : null,
      lcp: largest ? largest.startTime : null,
      cls: ofType("layout-shift")
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

