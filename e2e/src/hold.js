// Inlined into the test copy of standalone.html, before its loader: the WASM there is a data:
// URL no server can hold back, so this holds the loader's fetch of it until the scenario calls
// `__e2eReleaseWasm()`: the window "before the app has started" is then as wide as on the
// served site, on any machine.
(function () {
  "use strict";
  var fetchNow = window.fetch;
  var release;
  var released = new Promise(function (resolve) { release = resolve; });
  window.fetch = function (resource) {
    var address = String(resource && resource.url ? resource.url : resource);
    var wasm = address.indexOf("data:application/wasm") === 0 || /\.wasm($|\?)/.test(address);
    var args = arguments;
    if (!wasm) return fetchNow.apply(window, args);
    return released.then(function () { return fetchNow.apply(window, args); });
  };
  window.__e2eReleaseWasm = function () { release(); };
})();
