// The globals Material's bundle expects: why, and how they get into it, in hooks/theme_globals.py.
(function () {
  "use strict";
  // The site's root, from the theme's settings for its bundle.
  var config = document.getElementById("__config");
  var scope = new URL((config && JSON.parse(config.textContent).base) || ".", location);
  function key(name, base) {
    return base.pathname + "." + name;
  }
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
    return hash;
  };
  window.__md_get = function (name, storage, base) {
    try {
      return JSON.parse((storage || localStorage).getItem(key(name, base || scope)));
    } catch (e) {
      return null;
    }
  };
  window.__md_set = function (name, value, storage, base) {
    try {
      (storage || localStorage).setItem(key(name, base || scope), JSON.stringify(value));
    } catch (e) {
      // Storage can be full or switched off; the theme's preferences are not worth an error.
    }
  };
})();
