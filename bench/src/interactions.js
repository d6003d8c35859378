// Interaction to next paint, as the INP metric reads it: Event Timing entries of at least
// 16 ms (the least the API reports), grouped by `interactionId` (a tap's pointerdown,
// pointerup and click share one), each interaction as long as its longest entry. Also counts
// trusted clicks, so the bench knows every tap reached the page as a click.
// `observeInteractions()` starts recording; `takeInteractions()` returns what was recorded.
function observeInteractions() {
  var recorded = (window.__benchInteractions = { byId: {}, clicks: 0 });
  var observer = new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      if (!entry.interactionId) {
        return;
      }
      var longest = recorded.byId[entry.interactionId];
      if (!longest || entry.duration > longest.duration) {
        recorded.byId[entry.interactionId] = {
          duration: entry.duration,
          inputDelay: entry.processingStart - entry.startTime,
          processing: entry.processingEnd - entry.processingStart,
          presentation: entry.startTime + entry.duration - entry.processingEnd,
          type: entry.name,
        };
      }
    });
  });
  observer.observe({ type: "event", durationThreshold: 16, buffered: true });
  recorded.observer = observer;
  document.addEventListener("click", function (event) {
    if (event.isTrusted) {
      recorded.clicks += 1;
    }
  }, true);
}

function takeInteractions() {
  var recorded = window.__benchInteractions;
  recorded.observer.takeRecords();
  return {
    interactions: Object.keys(recorded.byId).map(function (id) { return recorded.byId[id]; }),
    clicks: recorded.clicks,
  };
}
