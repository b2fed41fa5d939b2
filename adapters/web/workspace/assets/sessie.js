// Live updates for the session and guest pages, without disturbing anyone: every 10 seconds the page
// asks its /stand address whether what it shows has changed. If so, and nobody is busy in the thread
// (focus in it, text typed or changed, an edit open), the thread is redrawn from a fresh copy of the page and a
// polite status says so; otherwise a status line offers a reload link. The pages work without this.
(function () {
  "use strict";
  var thread = document.querySelector("article.thread[data-stand]");
  var notice = document.getElementById("nieuws");
  var updated = document.getElementById("bijgewerkt");
  if (!thread || !notice || !window.fetch || !window.DOMParser) return;
  var url = thread.getAttribute("data-stand");
  var version = thread.getAttribute("data-versie");

  function busy() {
    var active = document.activeElement;
    if (active && active !== document.body && thread.contains(active)) return true;
    var fields = thread.querySelectorAll("textarea, input[type=text]");
    for (var i = 0; i < fields.length; i++) if (fields[i].value !== fields[i].defaultValue) return true;
    return thread.querySelector("details[open]") !== null;
  }

  function redraw() {
    return fetch(location.pathname, { credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.text() : ""; })
      .then(function (text) {
        var fresh = new DOMParser().parseFromString(text, "text/html").querySelector("article.thread[data-stand]");
        if (!fresh || busy()) { notice.hidden = false; return; }
        var adopted = document.importNode(fresh, true);
        thread.replaceWith(adopted);
        thread = adopted;
        version = thread.getAttribute("data-versie");
        if (updated) updated.textContent = updated.getAttribute("data-tekst");
      });
  }

  setInterval(function () {
    if (document.hidden || !notice.hidden) return;
    fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (!body || !body.versie || body.versie === version) return;
        if (busy()) notice.hidden = false;
        else return redraw();
      })
      .catch(function () {});
  }, 10000);
})();
