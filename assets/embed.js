// Fits explainer iframes (<iframe data-coalition-explainer>) into the host article: as wide as
// the article and borderless (the embed code carries no inline style, which strict host
// policies refuse, and HTML's width attribute takes no percentage), and as tall as their content:
// the explainer reports its height with AMP's embed-size message, and this script sets the
// frame's height attribute to match. Only a message from one of those frames' own windows is
// read, and only its number is used.
(function () {
  var SELECTOR = "iframe[data-coalition-explainer]";
  function fit(frame) {
    frame.style.width = "100%";
    frame.style.border = "0";
  }
  function frameOf(source) {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }
  Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), fit);
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.sentinel !== "amp" || data.type !== "embed-size") return;
    var frame = frameOf(event.source);
    var height = Math.ceil(Number(data.height));
    if (!frame || !(height > 0 && height < 100000)) return;
    fit(frame);
    frame.height = String(height);
  });
})();
