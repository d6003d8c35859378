// Starts pym.js's parent for the first embed. A file, not an inline script, so this demo
// also runs under a strict Content-Security-Policy.
(function () {
  var slot = document.getElementById("pym-explainer");
  new pym.Parent(slot.id, slot.dataset.src, { title: "Four layers of protection (pym.js)" });
})();
