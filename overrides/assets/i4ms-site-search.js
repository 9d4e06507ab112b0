/* I4MS portal: the site-wide search in the header, an ARIA 1.2 combobox with a listbox popup.
   Costs nothing until used: on page load it only adds its field; the index files are fetched
   when the visitor first opens search (focus, click, or the "/" and "s" keys):
   - search/site/titles.json: one record per page; the first results come from it alone;
   - search/site/text-N.json: lunr indexes (built in Python) of each page's own words, fetched
     after the first results are on screen; they add pages whose text (not title) matches.
   The browser builds no index. Site search reads ?search= (collection search owns ?q=), so a
   shared link opens one view. Nothing leaves the site: only same-origin files are fetched. */
(function () {
  "use strict";

  var SCRIPT = document.currentScript;
  var ROOT = SCRIPT ? SCRIPT.src.replace(/assets\/i4ms-site-search\.js(\?.*)?$/, "") : "";
  var LUNR = ROOT + "assets/i4ms/lunr-2.3.9.js";
  var PARAM = "search";
  var MAX = 12;

  /* Call status from the visitor's clock: the shared module when present (i4ms-status.js),
     else this copy. MERGE: drop localStatusAt once window.I4MS.statusAt ships everywhere. */
  function localStatusAt(opens, closes, now) {
    return now < opens ? "upcoming" : now < closes ? "open" : "closed";
  }
  function statusAt(opens, closes, now) {
    var shared = window.I4MS && window.I4MS.statusAt;
    return (shared || localStatusAt)(opens, closes, now);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  /* Same trimming as the Python indexer (Unicode-aware \W). */
  function tokens(q) {
    return q.toLowerCase().split(/[\s\-\/]+/).map(function (t) {
      return t.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, "");
    }).filter(Boolean);
  }

  var lunrLoading = null;
  function loadLunr() {
    if (window.lunr) return Promise.resolve(window.lunr);
    if (!lunrLoading) {
      lunrLoading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = LUNR;
        s.onload = function () { resolve(window.lunr); };
        s.onerror = function () { reject(new Error("could not load " + LUNR)); };
        document.head.appendChild(s);
      });
    }
    return lunrLoading;
  }

  function SiteSearch() {
    this.records = null;
    this.shards = [];       /* loaded lunr indexes */
    this.textScores = null;
    this.active = -1;
    this.shown = [];
    this.build();
  }

  SiteSearch.prototype.build = function () {
    var box = el("div", "i4ms-site-search");
    var form = el("form", "i4ms-site-search__form");
    form.setAttribute("role", "search");
    form.setAttribute("action", ROOT || "./");
    var label = el("label", "i4ms-site-search__label", "Search the site");
    label.htmlFor = "i4ms-site-q";
    var input = el("input", "i4ms-site-search__input");
    input.id = "i4ms-site-q";
    input.type = "search";
    input.name = PARAM;
    input.placeholder = "Search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "i4ms-site-results");
    input.setAttribute("aria-describedby", "i4ms-site-status");
    var list = el("ul", "i4ms-site-search__results");
    list.id = "i4ms-site-results";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    var status = el("p", "i4ms-site-search__status");
    status.id = "i4ms-site-status";
    status.setAttribute("aria-live", "polite");
    form.appendChild(label);
    form.appendChild(input);
    box.appendChild(form);
    box.appendChild(status);
    box.appendChild(list);
    this.box = box;
    this.input = input;
    this.list = list;
    this.status = status;
    var host = document.querySelector(".md-header__inner");
    var before = host && host.querySelector(".md-header__source");
    if (host) host.insertBefore(box, before);
    else document.body.insertBefore(box, document.body.firstChild);
    this.bind(form);
  };

  SiteSearch.prototype.bind = function (form) {
    var self = this;
    var input = this.input;
    input.addEventListener("focus", function () { self.open(); });
    input.addEventListener("input", function () {
      if (window.performance && performance.mark && !self.keyed) {
        self.keyed = true;
        performance.mark("i4ms-site-first-key");
      }
      self.open().then(function () { self.update(); });
    });
    input.addEventListener("keydown", function (e) { self.key(e); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== "/" && e.key !== "s") return;
      var t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      e.preventDefault();
      input.focus();
    });
    document.addEventListener("click", function (e) {
      if (!self.box.contains(e.target)) self.collapse();
    });
    this.list.addEventListener("mousedown", function (e) { e.preventDefault(); /* keep focus */ });
  };

  /* First use: fetch the records. Later calls return the same promise. */
  SiteSearch.prototype.open = function () {
    var self = this;
    if (!this.opening) {
      this.status.textContent = "Loading the search…";
      this.opening = getJSON(ROOT + "search/site/titles.json").then(function (data) {
        self.kinds = data.kinds;
        self.records = data.docs;
        self.shardPaths = data.shards;
        self.status.textContent = "";
      }).catch(function (err) {
        self.status.textContent = "Search is unavailable (" + err.message + ").";
        throw err;
      });
    }
    return this.opening;
  };

  /* After the first results: the full-text shards, one at a time, re-ranking as each arrives. */
  SiteSearch.prototype.loadText = function () {
    var self = this;
    if (this.textLoading) return;
    this.textLoading = loadLunr().then(function (lunr) {
      self.lunr = lunr;
      return self.shardPaths.reduce(function (p, path) {
        return p.then(function () { return getJSON(ROOT + path); }).then(function (data) {
          self.shards.push(lunr.Index.load(data.lunr));
          self.update();
        });
      }, Promise.resolve());
    }).catch(function (err) {
      if (window.console) console.warn("I4MS site search: full text unavailable (" + err.message + ")");
    });
  };

  /* Title and summary-line words of every record: each typed word must start one of them. */
  SiteSearch.prototype.titleScores = function (words) {
    var recs = this.records, scores = {};
    for (var i = 0; i < recs.length; i++) {
      var r = recs[i];
      if (!r.tw) { r.tw = tokens(r.t); r.sw = tokens(r.s || ""); }
      var total = 0;
      for (var n = 0; n < words.length; n++) {
        var w = words[n], best = 0, j;
        for (j = 0; j < r.tw.length; j++) {
          if (r.tw[j] === w) { best = 4; break; }
          if (r.tw[j].lastIndexOf(w, 0) === 0) best = 3;
        }
        if (!best) for (j = 0; j < r.sw.length; j++) if (r.sw[j].lastIndexOf(w, 0) === 0) { best = 1; break; }
        if (!best) { total = 0; break; }
        total += best;
      }
      if (total) scores[i] = total;
    }
    return scores;
  };

  /* Full text: every word must match the page's own words (as typed, stemmed or as a prefix). */
  SiteSearch.prototype.fullScores = function (words) {
    var lunr = this.lunr, scores = {};
    this.shards.forEach(function (index) {
      var total = null;
      words.forEach(function (w) {
        var got = {};
        index.query(function (q) {
          if (lunr.stopWordFilter(w)) q.term(w, { usePipeline: true });
          q.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 });
        }).forEach(function (r) { got[r.ref] = r.score; });
        if (total === null) { total = got; return; }
        var next = {};
        Object.keys(total).forEach(function (k) { if (k in got) next[k] = total[k] + got[k]; });
        total = next;
      });
      Object.keys(total || {}).forEach(function (k) { scores[parseInt(k, 36)] = total[k]; });
    });
    return scores;
  };

  SiteSearch.prototype.update = function () {
    if (!this.records) return;
    var words = tokens(this.input.value);
    if (!words.length) { this.render([]); this.status.textContent = ""; return; }
    var title = this.titleScores(words);
    var full = this.shards.length ? this.fullScores(words) : {};
    var score = {};
    Object.keys(title).forEach(function (i) { score[i] = title[i] * 2; });
    Object.keys(full).forEach(function (i) { score[i] = (score[i] || 0) + Math.min(full[i], 4); });
    var recs = this.records, page = this.kinds.indexOf("page");
    /* Items first: a story, organisation or call outranks the listing pages mentioning it. */
    var order = Object.keys(score).map(Number).sort(function (a, b) {
      return (recs[a].k === page) - (recs[b].k === page) || score[b] - score[a] || a - b;
    });
    this.render(order);
    var n = order.length;
    this.status.textContent = n ? n + (n === 1 ? " result" : " results") +
      (n > MAX ? ", first " + MAX + " shown" : "") : "No results";
    this.loadText();
  };

  SiteSearch.prototype.render = function (order) {
    var self = this, now = Date.now();
    /* The full text arrives after the titles and redraws the list: the option a keyboard user
       has reached stays highlighted where it is still listed. */
    var kept = this.active >= 0 ? this.shown[this.active] : undefined;
    this.shown = order.slice(0, MAX);
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    var frag = document.createDocumentFragment();
    this.shown.forEach(function (i, n) {
      var r = self.records[i];
      var li = el("li", "i4ms-site-result");
      li.id = "i4ms-site-opt-" + n;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var a = el("a", "i4ms-site-result__link");
      a.href = ROOT + r.u;
      a.tabIndex = -1;
      var head = el("span", "i4ms-site-result__head");
      head.appendChild(el("span", "i4ms-site-result__title", r.t));
      head.appendChild(el("span", "i4ms-site-result__kind", self.kinds[r.k]));
      if (r.o) {
        var s = statusAt(Date.parse(r.o), Date.parse(r.c), now);
        if (self.kinds[r.k] === "event") s = { upcoming: "upcoming", open: "live", closed: "past" }[s];
        head.appendChild(el("span", "i4ms-status i4ms-status--" + s, s));
      }
      (r.b || []).forEach(function (b) { head.appendChild(el("span", "i4ms-site-result__badge", b)); });
      a.appendChild(head);
      if (r.d) a.appendChild(el("span", "i4ms-site-result__line", "Deadline " + r.d));
      if (r.s) a.appendChild(el("span", "i4ms-site-result__line", r.s));
      li.appendChild(a);
      frag.appendChild(li);
    });
    this.list.replaceChildren(frag);
    var open = this.shown.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    if (kept !== undefined && this.shown.indexOf(kept) >= 0) this.highlight(this.shown.indexOf(kept));
    if (open && !this.marked && window.performance && performance.mark) {
      this.marked = true;
      performance.mark("i4ms-site-first-result");
    }
    this.box.dataset.ready = "true";
  };

  SiteSearch.prototype.highlight = function (n) {
    var opts = this.list.children;
    if (!opts.length) return;
    if (this.active >= 0 && opts[this.active]) opts[this.active].setAttribute("aria-selected", "false");
    this.active = (n + opts.length) % opts.length;
    var opt = opts[this.active];
    opt.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", opt.id);
    if (opt.scrollIntoView) opt.scrollIntoView({ block: "nearest" });
  };

  SiteSearch.prototype.collapse = function () {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  SiteSearch.prototype.go = function (n) {
    var opt = this.list.children[n];
    if (opt) window.location.href = opt.querySelector("a").href;
  };

  SiteSearch.prototype.key = function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (this.list.hidden && this.shown.length) {
        this.list.hidden = false;
        this.input.setAttribute("aria-expanded", "true");
      }
      this.highlight(this.active < 0 ? (e.key === "ArrowDown" ? 0 : -1)
                                     : this.active + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (this.shown.length) this.go(this.active >= 0 ? this.active : 0);
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (!this.list.hidden) this.collapse();
      else { this.input.value = ""; this.update(); }
    }
  };

  function start() {
    var search = new SiteSearch();
    var q = new URLSearchParams(window.location.search).get(PARAM);
    if (q) {
      search.input.value = q;
      search.open().then(function () { search.update(); });
    }
    window.I4MS = window.I4MS || {};
    window.I4MS.siteSearch = search;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
