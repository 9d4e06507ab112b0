/* I4MS portal: faceted search of a collection, in the browser, from files built at build time.
   - search/<collection>/docs.json: one record per item and the facet value tables; enough to
     list items and count facets, so the first result shows before the full-text index arrives.
   - search/<collection>/index.json: a lunr index built in Python; loaded only once a query is
     typed (or in the URL), with lunr.js 2.3.9. The browser never indexes.
   Query and facets live in the URL (?q=...&technology=...); back and forward restore them.
   Nothing is sent anywhere: only those two same-origin files and lunr.js are fetched. */
(function () {
  "use strict";
  if (window.performance && performance.mark) performance.mark("i4ms-search-start");

  var PAGE = 48;

  /* i4ms-status.js. This script is async and may run before the page's extra_javascript:
     start() loads the status module alongside the records (loadScript) before any render. */
  function statusAt(opens, closes, now) { return window.I4MS.status.at(opens, closes, now); }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  /* A script, once, unless what it defines (ready()) is there already. */
  var loading = {};
  function loadScript(src, ready) {
    if (ready()) return Promise.resolve(ready());
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = function () { resolve(ready()); };
        s.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(s);
      });
    }
    return loading[src];
  }
  function loadLunr(src) { return loadScript(src, function () { return window.lunr; }); }
  function loadStatus(src) {
    return loadScript(src, function () { return window.I4MS && window.I4MS.status; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /* Same trimming as the Python indexer (Unicode-aware \W), so "Ålesund" stays whole. */
  function tokens(q) {
    return q.toLowerCase().split(/[\s\-]+/).map(function (t) {
      return t.replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, "");
    }).filter(Boolean);
  }

  function Search(panel) {
    this.panel = panel;
    this.collection = panel.dataset.i4msSearch;
    this.root = panel.dataset.root;
    this.input = panel.querySelector("[data-i4ms-q]");
    this.facetsBox = panel.querySelector("[data-i4ms-facets]");
    this.countBox = panel.querySelector("[data-i4ms-count]");
    this.list = panel.querySelector("[data-i4ms-results]");
    this.more = panel.querySelector("[data-i4ms-more]");
    this.index = null;
    this.indexLoading = null;
    this.shown = PAGE;
    this.typing = false;
    this.rendered = 0;
  }

  Search.prototype.start = function () {
    var self = this;
    /* A query in the address needs the index at once: fetch it alongside the records. */
    if (tokens(new URLSearchParams(window.location.search).get("q") || "").length) this.fetchIndex();
    return Promise.all([getJSON(this.panel.dataset.docs), loadStatus(this.panel.dataset.status)]).then(function (got) {
      var data = got[0];
      self.data = data;
      self.docs = data.docs;
      self.facets = data.facets.map(function (f, i) {
        var ids = f.values.map(function (v) { return v[0]; });
        var pos = {};
        ids.forEach(function (id, j) { pos[id] = j; });
        return { key: f.key, name: f.name, computed: f.computed, hidden: f.hidden, ids: ids, pos: pos,
                 names: f.values.map(function (v) { return v.length > 1 ? v[1] : v[0]; }), i: i };
      });
      self.readURL();
      self.bind();
      self.panel.hidden = false;
      self.update();
    }).catch(function (err) {
      /* The static list stays visible: every item is still there, with its link. Where it
         sits inside the panel (the calls), only the search box and the filters go. */
      var list = self.panel.querySelector("[data-i4ms-static]");
      if (list) {
        self.panel.querySelector("[data-i4ms-form]").hidden = true;
        self.facetsBox.hidden = true;
        self.countBox.hidden = true;
      } else {
        self.panel.hidden = true;
      }
      self.showStatic(true);
      if (window.console) console.warn("I4MS search unavailable: " + err.message);
    });
  };

  /* The script runs as soon as it arrives (async), maybe before the static list is parsed. */
  Search.prototype.showStatic = function (show) {
    var self = this;
    var list = document.querySelector('[data-i4ms-static="' + this.collection + '"]');
    if (list) list.hidden = !show;
    else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { self.showStatic(show); });
    }
  };

  Search.prototype.readURL = function () {
    var params = new URLSearchParams(window.location.search);
    this.q = params.get("q") || "";
    this.input.value = this.q;
    var sel = {};
    this.facets.forEach(function (f) {
      sel[f.key] = {};
      params.getAll(f.key).forEach(function (v) { if (v in f.pos) sel[f.key][v] = true; });
    });
    this.sel = sel;
    this.shown = PAGE;
  };

  Search.prototype.writeURL = function (push) {
    var params = new URLSearchParams();
    if (this.q.trim()) params.set("q", this.q.trim());
    var sel = this.sel;
    this.facets.forEach(function (f) {
      f.ids.forEach(function (id) { if (sel[f.key][id]) params.append(f.key, id); });
    });
    var qs = params.toString();
    var url = window.location.pathname + (qs ? "?" + qs : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    window.history[push ? "pushState" : "replaceState"]({ i4msSearch: true }, "", url);
  };

  Search.prototype.bind = function () {
    var self = this;
    this.panel.querySelector("[data-i4ms-form]").addEventListener("submit", function (e) {
      e.preventDefault();
    });
    this.input.addEventListener("focus", function () { self.loadIndex(); });
    this.input.addEventListener("input", function () {
      self.q = self.input.value;
      self.shown = PAGE;
      self.writeURL(!self.typing); /* one history entry per query, not per keystroke */
      self.typing = true;
      self.update();
    });
    this.facetsBox.addEventListener("change", function (e) {
      var box = e.target;
      if (!box.dataset || !box.dataset.facet) return;
      if (box.checked) self.sel[box.dataset.facet][box.value] = true;
      else delete self.sel[box.dataset.facet][box.value];
      self.shown = PAGE;
      self.typing = false;
      self.writeURL(true);
      self.update();
    });
    this.more.addEventListener("click", function () {
      self.shown += PAGE;
      self.renderResults();
    });
    window.addEventListener("popstate", function () {
      self.typing = false;
      self.readURL();
      self.update();
    });
  };

  Search.prototype.fetchIndex = function () {
    if (!this.indexFetch) {
      this.indexFetch = Promise.all([loadLunr(this.panel.dataset.lunr), getJSON(this.panel.dataset.index)]);
    }
    return this.indexFetch;
  };

  Search.prototype.loadIndex = function () {
    var self = this;
    if (!this.indexLoading) {
      this.indexLoading = this.fetchIndex().then(function (got) {
        if (got[1].count !== self.docs.length) throw new Error("index and records differ");
        self.lunr = got[0];
        self.index = got[0].Index.load(got[1].lunr);
      });
      this.indexLoading.catch(function (err) {
        self.indexFailed = true;
        self.countBox.textContent = "Text search is unavailable (" + err.message + "); filters still work.";
      });
    }
    return this.indexLoading;
  };

  /* Facet values whose name has a word starting with w ("hung" -> Hungary), per facet. */
  Search.prototype.valueMatches = function (w) {
    return this.facets.map(function (f) {
      var hit = {}, any = false;
      if (!f.words) f.words = f.names.map(tokens);
      f.words.forEach(function (words, v) {
        if (words.some(function (t) { return t.lastIndexOf(w, 0) === 0; })) { hit[v] = true; any = true; }
      });
      return any ? hit : null;
    });
  };

  /* Positions matching the text query, best first, or null for "no query". Each word must
     match (typing more words narrows). A word matches an item through the lunr index (title
     and text; as typed, stemmed or as a prefix) or through the name of one of its facet
     values (a technology, a country, a partner); words of the title weigh more. */
  Search.prototype.textMatches = function () {
    var words = tokens(this.q);
    if (!words.length) return null;
    var self = this, lunr = this.lunr, index = this.index, total = null;
    words.forEach(function (w, n) {
      var last = n === words.length - 1;
      if (!last && !lunr.stopWordFilter(w)) return;
      var scores = {};
      index.query(function (q) {
        if (lunr.stopWordFilter(w)) q.term(w, { usePipeline: true });
        q.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 0.5 });
        /* A half-typed word ("simula") may be longer than the stem of the word it starts
           ("simulation" is indexed as "simul"): accept indexed stems it starts with. */
        for (var len = Math.max(4, w.length - 3); len < w.length; len++) {
          var stem = w.slice(0, len);
          if (Object.prototype.hasOwnProperty.call(index.invertedIndex, stem)) {
            q.term(stem, { usePipeline: false, boost: 0.3 });
          }
        }
      }).forEach(function (r) { scores[parseInt(r.ref, 36)] = r.score; });
      var hits = self.valueMatches(w);
      if (hits.some(Boolean)) {
        self.docs.forEach(function (doc, i) {
          for (var k = 0; k < hits.length; k++) {
            if (!hits[k]) continue;
            var vals = doc.f[k];
            for (var j = 0; j < vals.length; j++) {
              if (hits[k][vals[j]]) { scores[i] = (scores[i] || 0) + 1; return; }
            }
          }
        });
      }
      Object.keys(scores).forEach(function (i) {
        var doc = self.docs[i];
        if (!doc.tw) doc.tw = tokens(doc.t);
        if (doc.tw.some(function (t) { return t.lastIndexOf(w, 0) === 0; })) scores[i] += 2;
      });
      if (total === null) { total = scores; return; }
      var next = {};
      Object.keys(total).forEach(function (i) { if (i in scores) next[i] = total[i] + scores[i]; });
      total = next;
    });
    if (total === null) return null;
    return Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
  };

  Search.prototype.values = function (doc, f, now) {
    if (f.key === "status") return [f.pos[statusAt(Date.parse(doc.o), Date.parse(doc.c), now)]];
    return doc.f[f.i];
  };

  Search.prototype.passes = function (doc, f, now) {
    var chosen = this.sel[f.key], any = false;
    for (var id in chosen) { any = true; break; }
    if (!any) return true;
    var vals = this.values(doc, f, now);
    for (var k = 0; k < vals.length; k++) if (chosen[f.ids[vals[k]]]) return true;
    return false;
  };

  Search.prototype.update = function () {
    var self = this;
    if (tokens(this.q).length && !this.index && !this.indexFailed) {
      this.countBox.textContent = "Loading the search index…";
      this.loadIndex().then(function () { self.update(); }, function () { self.update(); });
      return;
    }
    var now = Date.now();
    var order = this.index ? this.textMatches() : null;
    var candidates = order || this.docs.map(function (_, i) { return i; });
    var facets = this.facets;
    /* Disjunctive counts: a value's count is how many results it would give, keeping the
       query and the other facets' choices. Values of one facet combine with OR, facets AND. */
    var counts = facets.map(function (f) { return new Array(f.ids.length).fill(0); });
    var results = [];
    candidates.forEach(function (i) {
      var doc = self.docs[i];
      var fails = [];
      facets.forEach(function (f) { if (!self.passes(doc, f, now)) fails.push(f.i); });
      if (fails.length === 0) results.push(i);
      facets.forEach(function (f) {
        if (fails.length === 0 || (fails.length === 1 && fails[0] === f.i)) {
          self.values(doc, f, now).forEach(function (v) { counts[f.i][v] += 1; });
        }
      });
    });
    this.results = results;
    this.counts = counts;
    this.renderFacets();
    this.renderResults();
  };

  Search.prototype.renderFacets = function () {
    var self = this;
    var open = {};
    /* The headings drawn with the page (data-i4ms-placeholder) carry no choice of the visitor's. */
    this.facetsBox.querySelectorAll("details:not([data-i4ms-placeholder])").forEach(function (d) {
      open[d.dataset.facet] = d.open;
    });
    /* The facets are drawn anew on every change: the control that had focus (a box ticked with
       Space, a facet's summary) gets it back, or the keyboard would be thrown to the page's top. */
    var had = document.activeElement, focusKey = null;
    if (had && this.facetsBox.contains(had)) {
      focusKey = had.tagName === "SUMMARY"
        ? ["summary", had.parentNode.dataset.facet]
        : ["box", had.dataset.facet, had.value];
    }
    var frag = document.createDocumentFragment();
    this.facets.forEach(function (f) {
      if (f.hidden) return;
      var details = el("details", "i4ms-facet");
      details.dataset.facet = f.key;
      var chosen = Object.keys(self.sel[f.key]).length;
      details.open = f.key in open ? open[f.key] : (chosen > 0 || window.innerWidth > 960);
      details.appendChild(el("summary", "", f.name + (chosen ? " (" + chosen + ")" : "")));
      var shown = 0;
      f.ids.forEach(function (id, v) {
        var count = self.counts[f.i][v], checked = !!self.sel[f.key][id];
        if (!count && !checked) return;
        shown += 1;
        var label = el("label", "i4ms-facet__value");
        var box = el("input");
        box.type = "checkbox";
        box.value = id;
        box.checked = checked;
        box.dataset.facet = f.key;
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + f.names[v] + " "));
        var n = el("span", "i4ms-facet__count", String(count));
        n.dataset.count = String(count);
        label.appendChild(n);
        details.appendChild(label);
      });
      if (!shown) details.appendChild(el("p", "i4ms-empty", "No values"));
      frag.appendChild(details);
    });
    this.facetsBox.replaceChildren(frag);
    if (focusKey) this.refocus(focusKey);
  };

  Search.prototype.refocus = function (key) {
    var target = null;
    this.facetsBox.querySelectorAll("details").forEach(function (d) {
      if (d.dataset.facet !== key[1]) return;
      if (key[0] === "summary") target = d.querySelector("summary");
      else d.querySelectorAll("input").forEach(function (b) { if (b.value === key[2]) target = b; });
      if (!target) target = d.querySelector("summary");
    });
    if (target) target.focus();
  };

  /* Where records carry no result line, compose it from facet values ("Project · Countries"). */
  Search.prototype.metaOf = function (doc) {
    var self = this;
    return (this.data.meta || []).map(function (key) {
      var f = self.facets.filter(function (x) { return x.key === key; })[0];
      return f ? doc.f[f.i].map(function (v) { return f.names[v]; }).join(", ") : "";
    }).filter(Boolean).join(" · ");
  };

  /* Summaries only decorate the results: fetched after the first result is on screen. */
  Search.prototype.loadSummaries = function () {
    var self = this;
    if (this.summariesLoading) return;
    this.summariesLoading = getJSON(this.panel.dataset.summaries).then(function (data) {
      if (data.count !== self.docs.length) throw new Error("summaries and records differ");
      self.summaries = data;
      self.renderResults();
    }).catch(function (err) {
      if (window.console) console.warn("I4MS search: no summaries (" + err.message + ")");
    });
  };

  /* As the no-JavaScript list shows an item: a call's deadline, badges, summary, technology
     tags (on the story cards). Deadlines and badges come with the summaries. */
  Search.prototype.decorate = function (li, doc, i) {
    var self = this, more = this.summaries;
    if (more && more.deadlines && more.deadlines[i]) {
      li.appendChild(el("p", "i4ms-meta i4ms-deadline", "Deadline " + more.deadlines[i]));
    }
    var badges = more && more.badges && more.badges[i];
    if (badges && badges.length) {
      var p = el("p", "i4ms-badges");
      badges.forEach(function (b) {
        var a = el("a", "i4ms-badge");
        a.href = self.root + b[2];
        var img = el("img");
        img.src = self.root + b[1];
        img.alt = b[0];
        img.height = 24;
        a.appendChild(img);
        p.appendChild(a);
        p.appendChild(document.createTextNode(" "));
      });
      li.appendChild(p);
    }
    if (more && more.summaries[i]) li.appendChild(el("p", "", more.summaries[i]));
    var tech = this.collection === "experiments" &&
      this.facets.filter(function (f) { return f.key === "technology"; })[0];
    if (tech && doc.f[tech.i].length) {
      var tags = el("p", "i4ms-tags");
      doc.f[tech.i].forEach(function (v) {
        var t = el("a", "i4ms-tag", tech.names[v]);
        t.href = self.root + "technologies/" + tech.ids[v] + "/";
        tags.appendChild(t);
        tags.appendChild(document.createTextNode(" "));
      });
      li.appendChild(tags);
    }
  };

  Search.prototype.idle = function () {
    if (tokens(this.q).length) return false;
    for (var key in this.sel) for (var id in this.sel[key]) return false;
    return true;
  };

  Search.prototype.renderResults = function () {
    var self = this, now = Date.now(), total = this.results.length;
    /* Pages that say data-idle="static" (the calls, grouped by status) keep their own list
       until the visitor narrows it; the others show the result list at once. */
    var keepStatic = this.panel.dataset.idle === "static" && this.idle();
    this.showStatic(keepStatic);
    this.list.hidden = keepStatic;
    var frag = document.createDocumentFragment();
    this.results.slice(0, this.shown).forEach(function (i) {
      var doc = self.docs[i];
      var li = el("li", "i4ms-result");
      var h = el("h3");
      var a = el("a", "", doc.t);
      a.href = self.root + doc.u;
      h.appendChild(a);
      li.appendChild(h);
      if (doc.o) {
        var s = statusAt(Date.parse(doc.o), Date.parse(doc.c), now);
        var badge = el("span", "i4ms-status i4ms-status--" + s, s);
        li.insertBefore(badge, h);
      }
      var meta = doc.m || self.metaOf(doc);
      if (meta) li.appendChild(el("p", "i4ms-meta", meta));
      self.decorate(li, doc, i);
      frag.appendChild(li);
    });
    this.list.replaceChildren(frag);
    var all = this.docs.length;
    this.countBox.textContent = total === all
      ? all + (all === 1 ? " item" : " items")
      : total + " of " + all + (all === 1 ? " item" : " items") + " match";
    this.more.hidden = keepStatic || total <= this.shown;
    this.rendered += 1;
    if (this.rendered === 1) {
      if (window.performance && performance.mark) performance.mark("i4ms-first-result");
      window.setTimeout(function () { self.loadSummaries(); }, 0);
    }
    if (this.index && tokens(this.q).length && !this.markedText && window.performance && performance.mark) {
      this.markedText = true;
      performance.mark("i4ms-first-text-result");
    }
    this.panel.dataset.ready = "true";
  };

  function init() {
    document.querySelectorAll("[data-i4ms-search]").forEach(function (panel) {
      new Search(panel).start();
    });
  }

  /* The panel precedes this script in the page, so it exists even while the page is parsed. */
  init();
})();
