/* I4MS portal: "Find support", the brokering questionnaire as a static page.
   The visitor's answers never leave the browser: no form is submitted and nothing is sent;
   the page only fetches the same-origin search records it matches against. The answers live
   in the address's fragment (#country=NO&...), which browsers never send to a server, so a
   link reproduces the answers without disclosing them to anyone but its recipient. */
(function () {
  "use strict";

  var TOP = 5;
  /* Taxonomy ids come with the page (data-vocab, made from content/taxonomy.yml and the models
     by i4ms.outputs.pages.find_support_vocab): providerRoles, offerNeeds, hub. */
  var VOCAB = { providerRoles: [], offerNeeds: {}, hub: {} };

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

  /* A collection's records with facet values resolved to ids: doc.v.technology = ["hpc", ...]. */
  function prepare(data) {
    data.docs.forEach(function (doc) {
      doc.v = {};
      data.facets.forEach(function (f, i) {
        doc.v[f.key] = doc.f[i].map(function (p) { return f.values[p][0]; });
      });
    });
    var names = {};
    data.facets.forEach(function (f) {
      names[f.key] = {};
      f.values.forEach(function (v) { names[f.key][v[0]] = v.length > 1 ? v[1] : v[0]; });
    });
    data.names = names;
    return data;
  }

  function has(doc, key, id) { return !!id && doc.v[key] && doc.v[key].indexOf(id) >= 0; }

  /* i4ms-status.js: an extra_javascript, run before this deferred script. */
  function statusAt(doc, now) { return window.I4MS.status.ofIso(doc.o, doc.c, now); }

  function localDate(iso) {
    return new Date(Date.parse(iso)).toLocaleString(undefined, {
      year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit",
    });
  }

  function Finder(form) {
    this.form = form;
    this.root = form.dataset.root;
    this.out = document.querySelector("[data-i4ms-find-results]");
    this.share = form.querySelector("[data-i4ms-share]");
    this.shareLink = form.querySelector("[data-i4ms-share-link]");
  }

  Finder.prototype.start = function () {
    var self = this, d = this.form.dataset;
    var keys = ["calls", "organisations", "projects", "offerings", "experiments", "events"];
    VOCAB = JSON.parse(d.vocab);
    this.form.hidden = false;
    this.form.addEventListener("submit", function (e) { e.preventDefault(); });
    // The form is on the page from its first paint: answers given while the data still loads
    // count (they were reset to the empty address before), and a shared link's answers win.
    this.form.addEventListener("change", function () { self.writeHash(); if (self.data) self.render(); });
    window.addEventListener("hashchange", function () { self.readHash(); if (self.data) self.render(); });
    if (window.location.hash.length > 1) this.readHash();
    else this.writeHash();
    this.out.textContent = "Loading…";
    return Promise.all(keys.map(function (k) { return getJSON(d[k]); })).then(function (all) {
      var data = {};
      keys.forEach(function (k, i) { data[k] = prepare(all[i]); });
      self.data = data;
      self.render();
    }).catch(function (err) {
      self.out.textContent = "Find support could not load its data (" + err.message + ").";
    });
  };

  Finder.prototype.answers = function () {
    var f = this.form;
    var needs = [];
    f.querySelectorAll('input[name="need"]').forEach(function (b) { if (b.checked) needs.push(b.value); });
    return {
      country: f.elements.country.value, sector: f.elements.sector.value,
      type: f.elements.type.value, technology: f.elements.technology.value, need: needs,
    };
  };

  Finder.prototype.readHash = function () {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    var f = this.form;
    ["country", "sector", "type", "technology"].forEach(function (k) {
      var v = params.get(k) || "";
      var ok = Array.prototype.some.call(f.elements[k].options, function (o) { return o.value === v; });
      f.elements[k].value = ok ? v : "";
    });
    var needs = params.getAll("need");
    f.querySelectorAll('input[name="need"]').forEach(function (b) { b.checked = needs.indexOf(b.value) >= 0; });
  };

  Finder.prototype.writeHash = function () {
    var a = this.answers(), params = new URLSearchParams();
    ["country", "sector", "type", "technology"].forEach(function (k) { if (a[k]) params.set(k, a[k]); });
    a.need.forEach(function (n) { params.append("need", n); });
    var hash = params.toString();
    window.history.replaceState(null, "", window.location.pathname + window.location.search + (hash ? "#" + hash : ""));
  };

  Finder.prototype.name = function (collection, key, id) {
    return (this.data[collection].names[key] || {})[id] || id;
  };

  Finder.prototype.optionText = function (field) {
    var sel = this.form.elements[field];
    return sel.value ? sel.options[sel.selectedIndex].textContent : "";
  };

  /* Each matcher returns [{doc, score, reasons}] for one section; nothing is guessed: a
     reason names the fact of the content that made the match. */
  Finder.prototype.calls = function (a, now) {
    var self = this, open = [], upcoming = [];
    this.data.calls.docs.forEach(function (doc) {
      var status = statusAt(doc, now);
      if (status === "closed") return;
      // No eligible countries in the content is unknown, not "any": kept, and said so.
      var unstated = has(doc, "country", "not-stated");
      if (a.country && !unstated && !has(doc, "country", a.country)) return;
      var reasons = [status === "open" ? "Open now, closes " + localDate(doc.c)
                                       : "Opens " + localDate(doc.o)];
      reasons.push(unstated ? "Eligible countries not stated: see the call's page"
                            : a.country ? "Open to applicants from " + self.optionText("country")
                                        : "Open to applicants from the countries on the call's page");
      var score = status === "open" ? 10 : 2;
      if (a.technology && has(doc, "technology", a.technology)) {
        score += 3;
        reasons.push("Covers " + self.name("calls", "technology", a.technology));
      }
      if (a.need.indexOf("funding") >= 0) score += 2;
      (status === "open" ? open : upcoming).push({ doc: doc, score: score, reasons: reasons });
    });
    return open.concat(upcoming);
  };

  /* Events still ahead of the visitor's clock; those in the visitor's technology first. */
  Finder.prototype.events = function (a, now) {
    var self = this, out = [];
    this.data.events.docs.forEach(function (doc) {
      if (Date.parse(doc.e) <= now) return;
      var live = Date.parse(doc.s) <= now;
      var reasons = [live ? "Taking place now" : "Starts " + localDate(doc.s)];
      var score = 1;
      if (a.technology) {
        if (!has(doc, "technology", a.technology)) return;
        score += 3;
        reasons.push("About " + self.name("events", "technology", a.technology));
      }
      out.push({ doc: doc, score: score, reasons: reasons });
    });
    return out;
  };

  Finder.prototype.dihs = function (a) {
    var self = this, out = [];
    this.data.organisations.docs.forEach(function (doc) {
      if (!has(doc, "type", VOCAB.hub.type) && !has(doc, "role", VOCAB.hub.role)) return;
      var score = 1, reasons = [];
      var country = doc.v.country[0];
      if (a.country && country === a.country) {
        score += 6;
        reasons.push("In your country, " + self.name("organisations", "country", country));
      } else {
        reasons.push("Digital Innovation Hub in " + self.name("organisations", "country", country));
      }
      if (a.technology && has(doc, "technology", a.technology)) {
        score += 3;
        reasons.push("Has accompanied experiments in " + self.name("organisations", "technology", a.technology));
      }
      if (doc.v.project.length) {
        reasons.push("Part of " + doc.v.project.map(function (p) { return self.name("organisations", "project", p); }).join(", "));
      }
      if (a.need.indexOf("facility") >= 0) score += 2;
      out.push({ doc: doc, score: score, reasons: reasons });
    });
    return out;
  };

  Finder.prototype.projects = function (a) {
    var self = this, out = [];
    this.data.projects.docs.forEach(function (doc) {
      if (doc.kind !== "innovation-action") return;
      var score = 0, reasons = [];
      if (a.technology && has(doc, "technology", a.technology)) {
        score += 4;
        reasons.push("Works on " + self.name("projects", "technology", a.technology));
      }
      if (a.sector && has(doc, "sector", a.sector)) {
        score += 2;
        reasons.push("Has funded experiments in " + self.name("projects", "sector", a.sector).toLowerCase());
      }
      if (a.country && has(doc, "country", a.country)) {
        score += 1;
        reasons.push("Has partners in " + self.name("projects", "country", a.country));
      }
      if (!score) return;
      if (a.need.indexOf("funding") >= 0) score += 1;
      out.push({ doc: doc, score: score, reasons: reasons });
    });
    return out;
  };

  Finder.prototype.offerings = function (a) {
    var self = this, out = [], wanted = {};
    a.need.forEach(function (n) { (VOCAB.offerNeeds[n] || []).forEach(function (c) { wanted[c] = n; }); });
    this.data.offerings.docs.forEach(function (doc) {
      var score = 0, reasons = [];
      if (a.technology && has(doc, "technology", a.technology)) {
        score += 3;
        reasons.push("Offers " + self.name("offerings", "technology", a.technology));
      }
      var category = doc.v.category[0];
      if (category in wanted) {
        score += 2;
        reasons.push(self.name("offerings", "category", category) + ", which you are looking for");
      }
      if (!score) return;
      if (a.country && has(doc, "country", a.country)) {
        score += 1;
        reasons.push("Available in " + self.name("offerings", "country", a.country));
      }
      out.push({ doc: doc, score: score, reasons: reasons });
    });
    return out;
  };

  Finder.prototype.providers = function (a) {
    var self = this, out = [];
    if (!a.technology) return out;
    this.data.organisations.docs.forEach(function (doc) {
      var roles = VOCAB.providerRoles.filter(function (r) { return has(doc, "role", r); });
      if (!roles.length || !has(doc, "technology", a.technology)) return;
      var score = 3, reasons = [
        self.name("organisations", "role", roles[0]) + " in experiments using " +
        self.name("organisations", "technology", a.technology),
      ];
      if (a.country && doc.v.country[0] === a.country) {
        score += 2;
        reasons.push("In your country, " + self.name("organisations", "country", a.country));
      }
      if (doc.v.label.length) score += 0.5;
      out.push({ doc: doc, score: score, reasons: reasons });
    });
    return out;
  };

  Finder.prototype.stories = function (a) {
    var self = this, out = [];
    this.data.experiments.docs.forEach(function (doc) {
      var score = 0, reasons = [];
      if (a.sector && has(doc, "sector", a.sector)) {
        score += 3;
        reasons.push("Same sector: " + self.name("experiments", "sector", a.sector).toLowerCase());
      }
      if (a.technology && has(doc, "technology", a.technology)) {
        score += 3;
        reasons.push("Used " + self.name("experiments", "technology", a.technology));
      }
      if (!score) return;
      if (a.country && has(doc, "country", a.country)) {
        score += 1;
        reasons.push("A partner in " + self.name("experiments", "country", a.country));
      }
      if (a.type && doc.ut && doc.ut.split(",").indexOf(a.type) >= 0) {
        score += 1;
        reasons.push("The end user is also " + (a.type === "other" ? "of your kind" : "an organisation of type " + self.optionText("type")));
      }
      if (doc.v.label.length) {
        score += 0.5;
        reasons.push(doc.v.label.map(function (l) { return self.name("experiments", "label", l); }).join(", "));
      }
      out.push({ doc: doc, score: score, reasons: reasons });
    });
    return out;
  };

  function ranked(list) {
    return list.map(function (m, i) { m.i = i; return m; }).sort(function (x, y) {
      return y.score - x.score || x.i - y.i;
    });
  }

  Finder.prototype.sections = function (a, now) {
    return [
      { key: "calls", title: "Calls open to you now", serves: ["funding"], matches: this.calls(a, now),
        none: "No I4MS call in this portal is open or upcoming for you right now.",
        more: "calls/" },
      { key: "dihs", title: "Digital Innovation Hubs", serves: ["facility"], matches: this.dihs(a),
        none: "No Digital Innovation Hub is listed yet.", more: "organisations/?type=" + VOCAB.hub.type },
      { key: "projects", title: "Innovation Actions", serves: ["funding", "provider"],
        matches: this.projects(a), none: "No Innovation Action matches these answers.", more: "projects/" },
      { key: "offerings", title: "Marketplace offerings", serves: ["provider", "training", "facility"],
        matches: this.offerings(a), none: "No marketplace offering matches these answers.",
        more: "projects/#marketplace" },
      { key: "providers", title: "Technology providers", serves: ["provider"], matches: this.providers(a),
        none: "No technology provider in the portal has worked with this technology yet.",
        more: "organisations/?role=" + VOCAB.providerRoles[0], only: "provider" },
      { key: "events", title: "Upcoming events", serves: ["training"], matches: this.events(a, now),
        none: "No upcoming event in the portal matches these answers.", more: "events/" },
      { key: "stories", title: "Success stories like yours", serves: [], matches: this.stories(a),
        none: "No success story shares your sector or technology yet.", more: "best-practices/" },
    ].filter(function (s) { return !s.only || a.need.indexOf(s.only) >= 0; });
  };

  Finder.prototype.render = function () {
    var self = this, a = this.answers(), now = Date.now();
    var answered = a.country || a.sector || a.type || a.technology || a.need.length;
    this.share.hidden = !answered;
    this.shareLink.href = window.location.href;
    this.shareLink.textContent = window.location.href;
    if (!answered) {
      this.out.replaceChildren(el("p", "i4ms-empty", "Answer any of the questions above to see your matches."));
      return;
    }
    var sections = this.sections(a, now);
    var first = sections.filter(function (s) {
      return s.serves.some(function (n) { return a.need.indexOf(n) >= 0; });
    });
    sections = first.concat(sections.filter(function (s) { return first.indexOf(s) < 0; }));
    var frag = document.createDocumentFragment();
    sections.forEach(function (s) {
      var section = el("section", "i4ms-find__section");
      section.dataset.section = s.key;
      section.appendChild(el("h2", "", s.title));
      var list = ranked(s.matches);
      if (!list.length) {
        section.appendChild(el("p", "i4ms-empty", s.none));
      } else {
        var ol = el("ol", "i4ms-find__list");
        list.slice(0, TOP).forEach(function (m) {
          var li = el("li", "i4ms-match");
          var link = el("a", "", m.doc.t);
          link.href = self.root + m.doc.u;
          li.appendChild(link);
          if (m.doc.m) li.appendChild(el("span", "i4ms-meta", " · " + m.doc.m));
          var why = el("ul", "i4ms-match__why");
          m.reasons.forEach(function (r) { why.appendChild(el("li", "", r)); });
          li.appendChild(why);
          ol.appendChild(li);
        });
        section.appendChild(ol);
      }
      var more = el("p", "i4ms-find__more");
      var all = el("a", "", list.length > TOP ? "See all " + list.length : "Browse all");
      all.href = self.root + s.more;
      more.appendChild(all);
      section.appendChild(more);
      frag.appendChild(section);
    });
    this.out.replaceChildren(frag);
    if (window.performance && performance.mark) performance.mark("i4ms-find-rendered");
  };

  function init() {
    document.querySelectorAll("[data-i4ms-find]").forEach(function (form) { new Finder(form).start(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
