/* I4MS portal: recompute call status, countdowns and local deadlines in the visitor's browser,
   so a site built last week never shows a closed call as open. No network requests. */
(function () {
  "use strict";

  /* i4ms-status.js, listed before this script in extra_javascript. */
  function statusAt(opens, closes, now) { return window.I4MS.status.at(opens, closes, now); }

  /* An event is a window too: before it, during it, after it. */
  var EVENT_WORDS = { upcoming: "upcoming", open: "live", closed: "past" };

  function countdown(opens, closes, now) {
    var target = now < opens ? opens : closes;
    var ms = target - now;
    if (now >= closes) return "";  // the status beside it already says "closed"
    var days = Math.floor(ms / 86400000);
    var hours = Math.floor((ms % 86400000) / 3600000);
    var minutes = Math.floor((ms % 3600000) / 60000);
    var left = days > 0 ? days + " d " + hours + " h" : hours + " h " + minutes + " min";
    return (now < opens ? "opens in " : "closes in ") + left;
  }

  /* Into a child laid over the stand-in that holds the text's place (i4ms.css). */
  function fill(el, text) {
    var span = el.firstElementChild || el.appendChild(document.createElement("span"));
    span.textContent = text;
  }

  function update() {
    var now = Date.now();
    document.querySelectorAll("[data-i4ms-status]").forEach(function (el) {
      var s = statusAt(Date.parse(el.dataset.opens), Date.parse(el.dataset.closes), now);
      el.textContent = s;
      el.className = "i4ms-status i4ms-status--" + s;
      el.dataset.status = s;
    });
    document.querySelectorAll("[data-i4ms-event-status]").forEach(function (el) {
      var s = EVENT_WORDS[statusAt(Date.parse(el.dataset.starts), Date.parse(el.dataset.ends), now)];
      el.textContent = s;
      el.className = "i4ms-status i4ms-status--" + s;
      el.dataset.status = s;
    });
    document.querySelectorAll("[data-i4ms-countdown]").forEach(function (el) {
      var left = countdown(Date.parse(el.dataset.opens), Date.parse(el.dataset.closes), now);
      fill(el, left ? "(" + left + ")" : "");
    });
    document.querySelectorAll("[data-i4ms-open-count]").forEach(function (el) {
      var windows = JSON.parse(el.dataset.i4msOpenCount);
      el.textContent = String(windows.filter(function (w) {
        return statusAt(Date.parse(w[0]), Date.parse(w[1]), now) === "open";
      }).length);
    });
    // "No call is open right now" (home page, built when none was): hidden once one opens.
    document.querySelectorAll("[data-i4ms-none-open]").forEach(function (el) {
      el.hidden = JSON.parse(el.dataset.i4msNoneOpen).some(function (w) {
        return statusAt(Date.parse(w[0]), Date.parse(w[1]), now) === "open";
      });
    });
    regroup();
  }

  /* On the calls page, move each call to the section of its current status. */
  function regroup() {
    var groups = {};
    document.querySelectorAll("[data-i4ms-group]").forEach(function (g) {
      groups[g.dataset.i4msGroup] = g;
    });
    if (!groups.open) return;
    document.querySelectorAll("[data-i4ms-group] [data-i4ms-call]").forEach(function (li) {
      var s = li.querySelector("[data-i4ms-status]").dataset.status;
      var list = groups[s] && groups[s].querySelector("ul");
      if (list && li.parentNode !== list) list.appendChild(li);
    });
    Object.keys(groups).forEach(function (k) {
      var empty = groups[k].querySelector(".i4ms-empty");
      if (empty) empty.hidden = groups[k].querySelectorAll("[data-i4ms-call]").length > 0;
    });
  }

  function localTimes() {
    var fmt;
    try {
      // dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.
      // The site's one format (views/dates.py: "31 May 2022, 17:00"), in the visitor's zone.
      fmt = new Intl.DateTimeFormat("en-GB", {
        year: "numeric", month: "long", day: "numeric",
        hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
      });
    } catch (e) {
      return;
    }
    function text(date) {
      var p = {};
      fmt.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
      return p.day + " " + p.month + " " + p.year + ", " + p.hour + ":" + p.minute + " " + p.timeZoneName;
    }
    document.querySelectorAll("[data-i4ms-local]").forEach(function (el) {
      var t = Date.parse(el.dataset.i4msLocal);
      if (!isNaN(t)) fill(el, "(your time: " + text(new Date(t)) + ")");
    });
  }

  function start() {
    localTimes();
    update();
    window.setInterval(update, 30000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
