// Offline copy only. Inside the hidden frame made by iframe-worker.js: gives the worker script the postMessage
// it expects (to the page that made the frame), then loads it.
(function () {
  "use strict";
  var script = new URL(new URLSearchParams(location.search).get("script") || "", location.href);
  // Only the theme's own search worker, from this copy on disk, may be run here.
  var root = new URL("../../", location.href).href;
  if (location.protocol !== "file:" || !script.href.startsWith(root) ||
      !/\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/.test(script.pathname)) {
    return;
  }
  var host = window.parent;
  // The worker script peeks at `parent` when it exists, which a file:// frame may not do.
  // `parent` is replaceable: hide it from the worker.
  window.parent = undefined;
  window.postMessage = function (data) {
    host.postMessage({ data: data }, "*");
  };
  var tag = document.createElement("script");
  tag.src = script.href;
  tag.onload = function () {
    host.postMessage({ frameReady: true }, "*");
  };
  document.head.appendChild(tag);
})();
