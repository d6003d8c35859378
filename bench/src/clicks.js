// Click-to-next-frame latency: clicks the layer controls in turn, `count` times, and for each
// takes the time from dispatching the click to the first animation frame that begins after
// the page changed its DOM in response (the frame that will paint the change).
// Arguments: controls (selectors, one per layer), root (selector to watch), count, callback.
var controls = arguments[0];
var root = document.querySelector(arguments[1]);
var count = arguments[2];
var done = arguments[arguments.length - 1];

function clickToFrame(control) {
  return new Promise(function (resolve) {
    var changed = false;
    var observer = new MutationObserver(function () { changed = true; });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    var start = performance.now();
    control.click();
    function onFrame() {
      var elapsed = performance.now() - start;
      if (changed || elapsed > 1000) {
        observer.disconnect();
        resolve(changed ? elapsed : null);
      } else {
        requestAnimationFrame(onFrame);
      }
    }
    requestAnimationFrame(onFrame);
  });
}

function pause(ms) {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

(async function () {
  var latencies = [];
  var unchanged = 0;
  for (var i = 0; i < count; i += 1) {
    // Layer 2 is open after the first-click phase: start from layer 3 so every click changes.
    var control = document.querySelector(controls[(i + 2) % controls.length]);
    // A pause of 40 to 57 ms, so clicks land at every point of a 60 Hz frame, as a reader's do.
    await pause(40 + Math.random() * 17);
    var latency = await clickToFrame(control);
    if (latency === null) {
      unchanged += 1;
    } else {
      latencies.push(latency);
    }
  }
  done({ latencies: latencies, unchanged: unchanged });
})().catch(function (error) { done({ error: String(error) }); });
