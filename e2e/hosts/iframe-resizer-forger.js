// Another party's frame in the article (an advert, a widget), a sibling of the explainer's and
// served from the explainer's own origin, posting iframe-resizer's parent messages to it: well
// formed, under another frame id. The explainer reads only its parent's, so it answers none.
// The last message tells the test that every one before it has been delivered.
(function () {
  var explainer = parent.frames[0];
  [
    "[iFrameSizer]forged:8:false:false:32:true:true:null:bodyOffset:null:null:0:false:parent:scroll:true",
    "[iFrameSizer]forged:8:false:false:32:true:true::auto:::0:false:child:auto:false:::true:GPLv3:5.5.9:0::false",
    "[iFrameSizer]resize",
    "[iFrameResizerChild]Ready",
    "e2e-done:sibling"
  ].forEach(function (message) {
    explainer.postMessage(message, "*");
  });
})();
