/* I4MS portal: a call's status at a moment, the one definition the page scripts share
   (i4ms.js: badges, countdowns and the calls page; i4ms-search.js: results and the status
   facet; i4ms-find-support.js: calls open to you). A plain script, loaded before them via
   mkdocs.yml extra_javascript; i4ms-search.js (async) also loads it itself if it has not run
   yet. It only defines window.I4MS.status, so loading it twice is harmless.
   Same rule as the build (i4ms.graph.call_status): upcoming before opens, open until closes. */
(function () {
  "use strict";
  var I4MS = window.I4MS = window.I4MS || {};
  if (I4MS.status) return;

  /* opens, closes and now in milliseconds since the epoch (Date.parse, Date.now). */
  function at(opens, closes, now) {
    if (now < opens) return "upcoming";
    if (now < closes) return "open";
    return "closed";
  }

  /* The status of a window given as ISO 8601 strings, as data attributes and records hold it. */
  function ofIso(opens, closes, now) {
    return at(Date.parse(opens), Date.parse(closes), now);
  }

  I4MS.status = { at: at, ofIso: ofIso };
})();
