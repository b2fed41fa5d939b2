// Live updates for the session and guest pages, without disturbing anyone: every 10 seconds the page
// asks its /stand address whether what it shows has changed, and if so reveals a polite status line
// with a reload link (no automatic reload: someone may be typing, or reading with a screen reader).
// The page works fully without this script.
(function () {
  "use strict";
  var thread = document.querySelector("article.thread[data-stand]");
  var notice = document.getElementById("nieuws");
  if (!thread || !notice || !window.fetch) return;
  var url = thread.getAttribute("data-stand");
  var version = thread.getAttribute("data-versie");
  var timer = setInterval(function () {
    if (document.hidden) return;
    fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (body && body.versie && body.versie !== version) {
          notice.hidden = false;
          clearInterval(timer);
        }
      })
      .catch(function () {});
  }, 10000);
})();
