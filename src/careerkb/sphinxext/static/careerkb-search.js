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
  const TITLE_BONUS = 2;
  const COORDINATION = 1;
  const ABOVE_SHARE = 1;
  const PAGE_NAME_BONUS = 1;
  const PHRASE_BONUS = 0.25;
  const SHOWN = 20;
  const PER_PAGE = 3;
  const WORD = /[\p{L}\p{N}]+(?:\+\+)?/gu;

  const loaded = {};
  const waiting = {};

  // Each index file is a script that calls this with its name and its data, written compactly
  // (careerkb/search/index.py): it is read back here into plain entries and postings lists.
  window.careerkbSearchLoaded = function (name, data) {
    data = name === "core" ? readCore(data) : name.startsWith("postings-") ? readPostings(data) : data;
    loaded[name] = data;
    (waiting[name] || []).forEach(function (resolve) { resolve(data); });
    delete waiting[name];
  };

  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const DIGIT_VALUE = {};
  Array.from(DIGITS).forEach(function (c, i) { DIGIT_VALUE[c] = i; });

  // Each entry back as [address, trail, kind, boost]; a trail continues its parent's.
  function readCore(core) {
    const kinds = { s: "section", t: "term", r: "role" };
    const trails = [];
    const trailOf = function (number) {
      if (trails[number]) return trails[number];
      const [, , parent, title] = core.entries[number];
      trails[number] = (parent < 0 ? [] : trailOf(parent)).concat([title]);
      return trails[number];
    };
    core.entries = core.entries.map(function (entry, number) {
      const [page, anchor, , title, kind] = entry;
      const [address, boost] = core.pages[page];
      return [address + "#" + (anchor || slug(title)), trailOf(number), kinds[kind], boost];
    });
    // BM25 compares each entry's length with the average: worked out once, not per query.
    core.averageLength = core.lengths.reduce(function (a, b) { return a + b; }, 0) / core.lengths.length;
    return core;
  }

  // The anchor a title usually has (careerkb.search.index.slug); the index leaves those out.
  function slug(title) {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // Each stem's postings back as [entry, weight, entry, weight, ...] from their text: each
  // entry's distance from the one before, doubled, plus one when its weight follows (else 1).
  function readPostings(part) {
    const lists = {};
    Object.keys(part).forEach(function (stemName) {
      const text = part[stemName];
      const list = [];
      let value = 0;
      let shift = 0;
      let entry = 0;
      let weightFollows = false;
      for (let i = 0; i < text.length; i++) {
        const digit = DIGIT_VALUE[text[i]];
        value += (digit & 31) * Math.pow(2, shift);
        if (digit >= 32) { shift += 5; continue; }
        if (weightFollows) {
          list.push(value);
          weightFollows = false;
        } else {
          entry += Math.floor(value / 2);
          list.push(entry);
          weightFollows = value % 2 === 1;
          if (!weightFollows) list.push(1);
        }
        value = 0;
        shift = 0;
      }
      lists[stemName] = list;
    });
    return lists;
  }

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

  // Every synonym phrase as the stems of all its words, longest first, so "machine learning
  // engineer" is taken before "machine learning"; worked out once per index.
  const phraseLists = new WeakMap();
  function phraseList(core) {
    if (!phraseLists.has(core)) {
      const list = [];
      core.synonyms.forEach(function (group, number) {
        group.forEach(function (phrase) {
          const said = words(normalize(phrase));
          const stems = said.map(function (w) { return stem(w, core.rules.suffixes); });
          if (stems.length) list.push({ words: said, stems: stems, group: number, text: phrase });
        });
      });
      list.sort(function (a, b) { return b.stems.length - a.stems.length || b.text.length - a.text.length; });
      phraseLists.set(core, list);
    }
    return phraseLists.get(core);
  }

  // The query as concepts, in the order they were typed: each a list of ways to say it (lists
  // of stems), the first the one typed. Phrases are found by their stems, so "ai red teamers"
  // meets the role "AI Red Teamer" as "AI red teamer" would.
  let lastQuery = null;
  let lastConcepts = null;
  function concepts(query, core) {
    if (query === lastQuery) return lastConcepts;
    const stop = stopWords(core);
    const toStems = function (text) { return stemsOf(text, core); };
    const tokens = words(normalize(query)).map(function (w) {
      return { word: w, stem: stem(w, core.rules.suffixes), stop: stop.has(w), taken: false };
    });
    const found = [];
    // Phrases as typed first, then by their stems: "ai agent engineer" is the role's alias,
    // not the practice "AI agent engineering", though both have the same stems.
    ["word", "stem"].forEach(function (key) {
      const plural = key + "s";
      for (const phrase of phraseList(core)) {
        const size = phrase.stems.length;
        for (let at = 0; at + size <= tokens.length; at++) {
          const span = tokens.slice(at, at + size);
          if (span.some(function (t) { return t.taken; })) continue;
          if (!span.every(function (t, i) { return t[key] === phrase[plural][i]; })) continue;
          span.forEach(function (t) { t.taken = true; });
          const ways = [toStems(phrase.text)].concat(
            core.synonyms[phrase.group].filter(function (other) { return other !== phrase.text; }).map(toStems),
          ).filter(function (way) { return way.length; });
          if (ways.length) found.push({ ways: ways, text: phrase.text, group: phrase.group, at: at });
        }
      }
    });
    tokens.forEach(function (t, at) {
      if (!t.taken && !t.stop) found.push({ ways: [[t.stem]], text: t.stem, group: -1, at: at });
    });
    found.sort(function (a, b) { return a.at - b.at; });
    lastQuery = query;
    lastConcepts = found;
    return found;
  }

  // --- ranking -------------------------------------------------------------------------------

  function idf(postings, stemName, core) {
    const list = postings[stemName];
    if (!list) return 0;
    const frequency = list.length / 2;
    return Math.log(1 + (core.entries.length - frequency + 0.5) / (frequency + 0.5));
  }

  // How much a concept tells entries apart: its rarest way of being said. A word no entry holds
  // weighs nothing, so a stray word neither helps nor hurts.
  function conceptWeight(concept, postings, core) {
    return Math.max.apply(null, concept.ways.map(function (way) {
      return way.reduce(function (sum, s) { return sum + idf(postings, s, core); }, 0) / way.length;
    }));
  }

  function bm25(postings, stemName, core) {
    const list = postings[stemName];
    const scores = new Map();
    if (!list) return scores;
    const rarity = idf(postings, stemName, core);
    for (let i = 0; i < list.length; i += 2) {
      const entry = list[i];
      const weight = list[i + 1];
      const norm = K1 * (1 - B + (B * core.lengths[entry]) / core.averageLength);
      scores.set(entry, (rarity * weight * (K1 + 1)) / (weight + norm));
    }
    return scores;
  }

  // The stems of an entry's trail, worked out once per entry and only for entries a query finds:
  // its own title ("Pay") apart from the titles above it ("AI Red Teamer").
  const trails = new Map();
  function trailStems(core, entry) {
    if (!trails.has(entry)) {
      const trail = core.entries[entry][1];
      const own = stemsOf(trail[trail.length - 1], core);
      const above = new Set(stemsOf(trail.slice(0, -1).join(" "), core));
      trails.set(entry, { own: own, ownSet: new Set(own), above: above });
    }
    return trails.get(entry);
  }

  function stemsOf(text, core) {
    const stop = stopWords(core);
    return words(normalize(text)).filter(function (w) { return !stop.has(w); }).map(function (w) {
      return stem(w, core.rules.suffixes);
    });
  }

  const stopSets = new WeakMap();
  function stopWords(core) {
    if (!stopSets.has(core)) stopSets.set(core, new Set(core.rules.stop_words));
    return stopSets.get(core);
  }

  function within(way, set) {
    return way.every(function (s) { return set.has(s); });
  }

  // How the query meets an entry's titles: "red teamer pay" is about "AI Red Teamer › Pay",
  // where each concept is in a title, more than about a page that says both often. Two query
  // words side by side in the title are a matched phrase. An entry is *named* when its own
  // title says nothing but concepts of the query.
  function titleMatch(core, entry, wanted) {
    const trail = trailStems(core, entry);
    let covered = 0;
    let naming = 0;
    const used = new Set();
    // Every concept counts alike here: weighting them by rarity ranked worse on the golden
    // questions, since a role's name is rarer than the "pay" or "demand" that picks its section.
    wanted.forEach(function (concept) {
      const own = concept.ways.find(function (way) { return within(way, trail.ownSet); });
      if (own) {
        covered += 1;
        naming += 1;
        own.forEach(function (s) { used.add(s); });
        return;
      }
      if (concept.ways.some(function (way) { return within(way, trail.above); })) {
        covered += ABOVE_SHARE;
      }
    });
    let phrases = 0;
    const literal = wanted.map(function (c) { return c.ways[0]; }).flat();
    for (let i = 0; i + 1 < literal.length; i++) {
      for (let j = 0; j + 1 < trail.own.length; j++) {
        if (trail.own[j] === literal[i] && trail.own[j + 1] === literal[i + 1]) { phrases += 1; break; }
      }
    }
    // The share of the query that names the entry: all of "RAG" names Retrieval-Augmented
    // Generation; "jailbreaking an llm" names Jailbreak by half.
    const namingShare = naming && trail.own.every(function (s) { return used.has(s); }) ? naming / wanted.length : 0;
    return { covered: covered / wanted.length, phrases: phrases, named: namingShare };
  }

  // How much of what the query asks an entry answers, by the concepts' weights: an entry
  // matching three of four concepts outranks one matching two, however often it repeats them.
  function coordination(matchedWeight, weights) {
    return weights.total ? Math.pow(matchedWeight / weights.total, COORDINATION) : 1;
  }

  function rank(query, core, postings) {
    const wanted = concepts(query, core);
    if (!wanted.length) return { results: [], wanted: wanted };
    const totals = new Map();
    const matched = new Map();
    const matchedWeight = new Map();
    const each = wanted.map(function (concept) { return conceptWeight(concept, postings, core); });
    const weights = { each: each, total: each.reduce(function (a, b) { return a + b; }, 0) };
    wanted.forEach(function (concept, number) {
      const best = new Map();
      concept.ways.forEach(function (way, index) {
        const factor = index === 0 ? 1 : SYNONYM_WEIGHT;
        const perStem = way.map(function (s) { return bm25(postings, s, core); });
        perStem[0].forEach(function (_, entry) {
          if (!perStem.every(function (scores) { return scores.has(entry); })) return;
          const score = factor * perStem.reduce(function (sum, scores) { return sum + scores.get(entry); }, 0);
          if (score > (best.get(entry) || 0)) best.set(entry, score);
        });
      });
      best.forEach(function (score, entry) {
        totals.set(entry, (totals.get(entry) || 0) + score);
        matched.set(entry, (matched.get(entry) || 0) + 1);
        matchedWeight.set(entry, (matchedWeight.get(entry) || 0) + each[number]);
      });
    });
    const needed = wanted.length <= 2 ? wanted.length : Math.ceil(wanted.length / 2);
    let results = [];
    totals.forEach(function (score, entry) {
      const [url, trail, kind, boost] = core.entries[entry];
      const title = titleMatch(core, entry, wanted);
      score *= boost * coordination(matchedWeight.get(entry), weights);
      score *= Math.pow(1 + TITLE_BONUS * title.covered, 2) * (1 + PHRASE_BONUS * title.phrases);
      let enough = matched.get(entry) >= needed;
      if (kind !== "section") {
        // Short and named in bold, terms and roles would outrank the sections that explain
        // them on any word they share: they lead only when the query names them, and a
        // query that names one finds it, whatever else it asks.
        score *= title.named === 1 ? 1 + EXACT_NAME_BONUS : UNNAMED_WEIGHT;
        enough = enough || title.named > 0;
      } else if (trail.length === 1 && title.named === 1) {
        score *= 1 + PAGE_NAME_BONUS;  // "salary" names the Pay page: its top leads
      }
      results.push({ entry: entry, url: url, trail: trail, kind: kind, score: score, matched: matched.get(entry), enough: enough });
    });
    const full = results.filter(function (r) { return r.enough; });
    const partial = full.length === 0;
    results = (partial ? results : full).sort(function (a, b) {
      return b.score - a.score || (a.url < b.url ? -1 : 1);
    });
    results.forEach(function (r) { r.partial = partial || r.matched < wanted.length; });
    return { results: byPage(results), wanted: wanted };
  }

  // Results grouped by page, pages in the order of their best result: a page's best few
  // sections together, its first one heading the group; the rest of its sections come after
  // every page's best few, still in order of score.
  function byPage(results) {
    const groups = new Map();
    const later = [];
    results.forEach(function (result) {
      const page = result.url.split("#")[0];
      if (!groups.has(page)) groups.set(page, []);
      const group = groups.get(page);
      result.grouped = group.length > 0;
      if (group.length < PER_PAGE) group.push(result); else later.push(result);
    });
    return Array.from(groups.values()).flat().concat(later);
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
      item.className = "kind-" + (result.kind === "section" ? "text" : "object") + " careerkb-result-" + result.kind +
        (result.grouped ? " careerkb-same-page" : "");
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

  // The postings of the query's stems: one file per first letter, loaded once.
  function postingsFor(query, core) {
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
      return Object.assign({}, ...parts);
    });
  }

  function search(query) {
    const out = document.getElementById("search-results");
    if (!out || typeof query !== "string") return Promise.resolve();
    return load("core").then(function (core) {
      return postingsFor(query, core).then(function (postings) {
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
  // Every entry's address as the script reads the index, for the test that it reads them right.
  window.careerkbSearchAddresses = function () {
    return load("core").then(function (core) { return core.entries.map(function (e) { return e[0]; }); });
  };
  // The ranking alone, for the tests and the search benchmark: what a query finds, in order.
  window.careerkbSearchRanked = function (query) {
    return load("core").then(function (core) {
      return postingsFor(query, core).then(function (postings) {
        const ranked = rank(query, core, postings);
        return { concepts: ranked.wanted, results: ranked.results.map(function (r) {
          return { url: r.url, kind: r.kind, score: r.score, matched: r.matched, partial: r.partial };
        }) };
      });
    });
  };
  // Postings are written by careerkb/search/index.py and read here; a test holds the two together.
  window.careerkbSearchReadPostings = readPostings;
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
