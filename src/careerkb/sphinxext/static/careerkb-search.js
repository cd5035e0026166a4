// careerkb: the site search. It answers in place of Sphinx's own search, wherever the theme
// asks (search.html, and the search dialog when it searches as you type), from the index
// careerkb writes at build time (_static/careerkb-search/): sections, glossary terms and roles,
// ranked by BM25 over field-weighted words, with synonyms from the data and excerpts cut at
// build time. The index's own rules (stop words, word endings) are applied here, so a query
// is read exactly as the pages were.
"use strict";

(function () {
  const FOLDER = "_static/careerkb-search/";
  const K1 = 1.2;
  const B = 0.75;
  const SYNONYM_WEIGHT = 0.8;
  const EXACT_NAME_BONUS = 3;
  const UNNAMED_WEIGHT = 0.6;
  const SHOWN = 20;
  const WORD = /[\p{L}\p{N}]+(?:\+\+)?/gu;

  const loaded = {};
  const waiting = {};

  // Each index file is a script that calls this with its name and its data.
  window.careerkbSearchLoaded = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (resolve) { resolve(data); });
    delete waiting[name];
  };

  function root() {
    return document.documentElement.dataset.content_root || "";
  }

  function load(name) {
    if (name in loaded) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      const first = !(name in waiting);
      (waiting[name] = waiting[name] || []).push(resolve);
      if (!first) return;
      const script = document.createElement("script");
      script.src = root() + FOLDER + name + ".js";
      script.onerror = function () { reject(new Error("could not load the search index (" + name + ")")); };
      document.head.appendChild(script);
    });
  }

  // --- reading text as the index did ---------------------------------------------------------

  function words(text) {
    return text.toLowerCase().match(WORD) || [];
  }

  function stem(word, suffixes) {
    const verbEndings = ["ing", "ings", "ed"];
    let base = word;
    for (const [ending, replacement, shortest] of suffixes) {
      if (!word.endsWith(ending) || word.length - ending.length < shortest) continue;
      let cut = word.slice(0, word.length - ending.length);
      if (verbEndings.includes(ending)) {
        if (!/[aeiouy]/.test(cut)) break;
        const last = cut[cut.length - 1];
        if (cut.length > 2 && last === cut[cut.length - 2] && !"aeiouylsz".includes(last)) cut = cut.slice(0, -1);
      }
      base = cut + replacement;
      break;
    }
    if (base.length >= 4 && base.endsWith("e") && !base.endsWith("ee")) base = base.slice(0, -1);
    return base;
  }

  function normalize(text) {
    return text.toLowerCase().replace(/[\s_\-\u2010-\u2015]+/g, " ").trim();
  }

  // The query as concepts: each a list of ways to say it (lists of stems), the first literal.
  function concepts(query, core) {
    const stop = new Set(core.rules.stop_words);
    const suffixes = core.rules.suffixes;
    const toStems = function (text) {
      return words(text).filter(function (w) { return !stop.has(w); }).map(function (w) { return stem(w, suffixes); });
    };
    let text = " " + normalize(query) + " ";
    const found = [];
    // Longest synonym phrases first, so "machine learning engineer" wins over "machine learning".
    const phrases = [];
    core.synonyms.forEach(function (group, number) {
      group.forEach(function (phrase) { phrases.push([phrase, number]); });
    });
    phrases.sort(function (a, b) { return b[0].length - a[0].length; });
    for (const [phrase, number] of phrases) {
      const at = text.indexOf(" " + phrase + " ");
      if (at < 0) continue;
      const ways = [toStems(phrase)].concat(
        core.synonyms[number].filter(function (other) { return other !== phrase; }).map(toStems),
      ).filter(function (way) { return way.length; });
      if (ways.length) found.push({ ways: ways, text: phrase, group: number });
      text = text.slice(0, at) + " " + text.slice(at + phrase.length + 1);
    }
    toStems(text).forEach(function (s) { found.push({ ways: [[s]], text: s, group: -1 }); });
    return found;
  }

  // --- ranking -------------------------------------------------------------------------------

  function bm25(postings, stemName, core, average) {
    const list = postings[stemName];
    const scores = new Map();
    if (!list) return scores;
    const count = core.entries.length;
    const frequency = list.length / 2;
    const idf = Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
    for (let i = 0; i < list.length; i += 2) {
      const entry = list[i];
      const weight = list[i + 1];
      const norm = K1 * (1 - B + (B * core.lengths[entry]) / average);
      scores.set(entry, (idf * weight * (K1 + 1)) / (weight + norm));
    }
    return scores;
  }

  function rank(query, core, postings) {
    const wanted = concepts(query, core);
    if (!wanted.length) return { results: [], wanted: wanted };
    const average = core.lengths.reduce(function (a, b) { return a + b; }, 0) / core.lengths.length;
    const totals = new Map();
    const matched = new Map();
    wanted.forEach(function (concept) {
      const best = new Map();
      concept.ways.forEach(function (way, index) {
        const factor = index === 0 ? 1 : SYNONYM_WEIGHT;
        const perStem = way.map(function (s) { return bm25(postings, s, core, average); });
        perStem[0].forEach(function (_, entry) {
          if (!perStem.every(function (scores) { return scores.has(entry); })) return;
          const score = factor * perStem.reduce(function (sum, scores) { return sum + scores.get(entry); }, 0);
          if (score > (best.get(entry) || 0)) best.set(entry, score);
        });
      });
      best.forEach(function (score, entry) {
        totals.set(entry, (totals.get(entry) || 0) + score);
        matched.set(entry, (matched.get(entry) || 0) + 1);
      });
    });
    const needed = wanted.length <= 2 ? wanted.length : Math.ceil(wanted.length / 2);
    // A term or role is named when the query is its name, or one synonym group holding it.
    const named = wanted.length === 1 && wanted[0].group >= 0 ? new Set(core.synonyms[wanted[0].group]) : new Set();
    named.add(normalize(query));
    let results = [];
    totals.forEach(function (score, entry) {
      const [url, trail, kind, boost] = core.entries[entry];
      score *= boost;
      if (kind !== "section") {
        // Short and named in bold, terms and roles would outrank the sections that explain
        // them on any word they share: they lead only when the query names them.
        score *= named.has(normalize(trail[trail.length - 1])) ? 1 + EXACT_NAME_BONUS : UNNAMED_WEIGHT;
      }
      results.push({ entry: entry, url: url, trail: trail, kind: kind, score: score, matched: matched.get(entry) });
    });
    const full = results.filter(function (r) { return r.matched >= needed; });
    const partial = full.length === 0;
    results = (partial ? results : full).sort(function (a, b) {
      return b.score - a.score || (a.url < b.url ? -1 : 1);
    });
    results.forEach(function (r) { r.partial = partial || r.matched < wanted.length; });
    return { results: results, wanted: wanted };
  }

  // --- showing ---------------------------------------------------------------------------------

  function excerpt(text, wanted, suffixes) {
    const stems = new Set();
    wanted.forEach(function (c) { c.ways.forEach(function (way) { way.forEach(function (s) { stems.add(s); }); }); });
    const fragment = document.createDocumentFragment();
    if (!text) return fragment;
    let first = -1;
    const marks = [];
    for (const match of text.matchAll(WORD)) {
      if (stems.has(stem(match[0].toLowerCase(), suffixes))) {
        marks.push([match.index, match.index + match[0].length]);
        if (first < 0) first = match.index;
      }
    }
    const start = Math.max(0, (first < 0 ? 0 : first) - 60);
    const end = Math.min(text.length, start + 220);
    let at = start;
    if (start > 0) fragment.append("…");
    marks.filter(function (m) { return m[0] >= start && m[1] <= end; }).forEach(function (m) {
      fragment.append(text.slice(at, m[0]));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      fragment.append(mark);
      at = m[1];
    });
    fragment.append(text.slice(at, end));
    if (end < text.length) fragment.append("…");
    return fragment;
  }

  function show(out, query, ranked, core) {
    out.replaceChildren();
    const title = document.createElement("h2");
    title.textContent = "Search results";
    const summary = document.createElement("p");
    summary.className = "search-summary";
    const list = document.createElement("ul");
    list.className = "search";
    list.setAttribute("role", "list");
    out.append(title, summary, list);
    const results = ranked.results.slice(0, SHOWN);
    if (!results.length) {
      summary.textContent = "No page of the handbook matches “" + query + "”. Try fewer or other words.";
      return Promise.resolve();
    }
    const partial = results.every(function (r) { return r.partial; });
    summary.textContent = (partial ? "No page matches every word; closest matches for “" : "Results for “") +
      query + "” (" + ranked.results.length + ")";
    const perFile = core.texts_per_file;
    const files = Array.from(new Set(results.map(function (r) { return Math.floor(r.entry / perFile); })));
    results.forEach(function (result) {
      const item = document.createElement("li");
      item.className = "kind-" + (result.kind === "section" ? "text" : "object") + " careerkb-result-" + result.kind;
      const link = document.createElement("a");
      link.href = root() + result.url;
      link.textContent = result.trail.join(" › ");
      item.append(link);
      if (result.partial) {
        const note = document.createElement("span");
        note.className = "careerkb-partial";
        note.textContent = " (partial match)";
        item.append(note);
      }
      result.item = item;
      list.append(item);
    });
    return Promise.all(files.map(function (n) { return load("text-" + n); })).then(function () {
      results.forEach(function (result) {
        const texts = loaded["text-" + Math.floor(result.entry / perFile)];
        const context = document.createElement("p");
        context.className = "context";
        context.append(excerpt(texts[result.entry % perFile], ranked.wanted, core.rules.suffixes));
        result.item.append(context);
      });
    });
  }

  function search(query) {
    const out = document.getElementById("search-results");
    if (!out) return Promise.resolve();
    return load("core").then(function (core) {
      const shards = new Set();
      concepts(query, core).forEach(function (c) {
        c.ways.forEach(function (way) {
          way.forEach(function (s) {
            const key = /^[a-z]/.test(s) ? s[0] : "_";
            if (core.shards.includes(key)) shards.add(key);
          });
        });
      });
      return Promise.all(Array.from(shards).map(function (key) { return load("postings-" + key); })).then(function (parts) {
        const postings = Object.assign({}, ...parts);
        return show(out, query, rank(query, core, postings), core);
      });
    }).catch(function (error) {
      out.replaceChildren();
      const message = document.createElement("p");
      message.className = "search-summary";
      message.textContent = "The search could not start: " + error.message + ".";
      out.append(message);
    });
  }

  window.careerkbSearch = search;
  // The stemmer exists here and in careerkb/search/text.py; tests compare the two on every word
  // of the handbook's glossary.
  window.careerkbSearchStems = function (list) {
    return load("core").then(function (core) {
      return list.map(function (word) { return stem(word, core.rules.suffixes); });
    });
  };
  // Sphinx's searchtools.js defines Search, and both the theme's dialog and search.html call
  // Search.performSearch; answering there is the one place both reach. Deferred, this runs
  // after searchtools.js and before its DOMContentLoaded handler reads ?q=.
  if (typeof Search !== "undefined") {
    Search.performSearch = function (query) { search(query); };
  }
})();
