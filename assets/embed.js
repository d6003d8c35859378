// Sizes explainer iframes (<iframe data-coalition-explainer>) to their content: the explainer
// reports its height with AMP's embed-size message; this script sets the frame's height
// attribute to match (an attribute, not a style, so hosts with a strict CSP allow it).
// Only a message from one of those frames' own windows is read, and only its number is used.
(function () {
  function frameOf(source) {
    var frames = document.querySelectorAll("iframe[data-coalition-explainer]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.sentinel !== "amp" || data.type !== "embed-size") return;
    var frame = frameOf(event.source);
    var height = Math.ceil(Number(data.height));
    if (frame && height > 0 && height < 100000) frame.height = String(height);
  });
})();
