// Loaded by the e2e server as the first script of the page, before the app, in every engine.
// WebDriver cannot read the console of Firefox or WebKit, so the page reports on itself:
// - console.error / console.warn calls, uncaught errors, unhandled rejections and failed
//   resource loads go to sessionStorage, which survives the suite's navigations within a tab;
// - event listeners added and removed are counted, for the endurance scenario (Chromium's
//   exact count is devtools-only; this counts every addEventListener in all engines alike);
(function () {
  "use strict";
  var KEY = "e2e-problems";

  function record(kind, detail) {
    var list = JSON.parse(sessionStorage.getItem(KEY) || "[]");
    list.push(kind + ": " + detail);
    sessionStorage.setItem(KEY, JSON.stringify(list));
  }

  ["error", "warn"].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      record("console." + level, Array.prototype.map.call(arguments, String).join(" "));
      return original.apply(console, arguments);
    };
  });

  // Capturing, so that failed <script>, <link> and <img> loads (which do not bubble) are seen.
  window.addEventListener("error", function (event) {
    var target = event.target;
    var detail = target && target !== window ? "failed load of " + (target.src || target.href) : event.message;
    record("error", detail);
  }, true);
  // The server sends a strict Content-Security-Policy; anything it blocks is a problem.
  document.addEventListener("securitypolicyviolation", function (event) {
    record("CSP violation", event.violatedDirective + " blocked " + (event.blockedURI || "inline code"));
  });
  window.addEventListener("unhandledrejection", function (event) {
    record("unhandledrejection", String(event.reason));
  });

  // Listeners are keyed like the browser does (target, type, listener, capture): a duplicate
  // add is a no-op there and here.
  var registered = new WeakMap();
  var live = 0;
  function keyOf(type, options) {
    var capture = typeof options === "boolean" ? options : !!(options && options.capture);
    return type + (capture ? "/capture" : "/bubble");
  }
  function listenersOf(target, key) {
    var byKey = registered.get(target);
    if (!byKey) {
      byKey = new Map();
      registered.set(target, byKey);
    }
    if (!byKey.has(key)) {
      byKey.set(key, new Set());
    }
    return byKey.get(key);
  }
  var add = EventTarget.prototype.addEventListener;
  var remove = EventTarget.prototype.removeEventListener;
  // Called without a receiver (`const on = addEventListener; on(...)`), the browser uses the
  // window; so do we.
  function receiver(self) {
    return self === undefined || self === null ? window : self;
  }
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    var target = receiver(this);
    if (listener) {
      var set = listenersOf(target, keyOf(type, options));
      if (!set.has(listener)) {
        set.add(listener);
        live += 1;
      }
    }
    return add.call(target, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    var target = receiver(this);
    if (listener && listenersOf(target, keyOf(type, options)).delete(listener)) {
      live -= 1;
    }
    return remove.call(target, type, listener, options);
  };

  window.__e2e = {
    liveListeners: function () { return live; },
    takeProblems: function () {
      var list = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      sessionStorage.removeItem(KEY);
      return list;
    }
  };
})();
