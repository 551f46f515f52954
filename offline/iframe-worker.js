// Offline copy only (loaded when the site is built with OFFLINE=true).
// Browsers refuse to start a Web Worker from a file:// page, which stops the theme's search.
// This stands in for Worker: it runs the worker script in a hidden frame of the same copy and
// passes messages both ways, so search works from disk with nothing fetched from elsewhere.
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  var frameHtml = new URL("worker-frame.html", document.currentScript.src).href;

  function FrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    var ready = false;
    var pending = [];
    frame.hidden = true;
    frame.title = "Search";
    frame.src = frameHtml + "?script=" + encodeURIComponent(new URL(url, location.href).href);
    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || !event.data) return;
      if (event.data.frameReady) {
        ready = true;
        pending.splice(0).forEach(send);
        return;
      }
      var message = new MessageEvent("message", { data: event.data.data });
      if (typeof target.onmessage === "function") target.onmessage(message);
      target.dispatchEvent(message);
    });
    function send(data) {
      frame.contentWindow.postMessage(data, "*");
    }
    target.postMessage = function (data) {
      if (ready) send(data);
      else pending.push(data);
    };
    target.terminate = function () {
      frame.remove();
    };
    document.body.appendChild(frame);
    return target;
  }

  window.Worker = FrameWorker;
})();
