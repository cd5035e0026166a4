// careerkb: the glossary page's instant filter (term, abbreviation, aliases and definition),
// with a match count, highlighting and the filter kept in the address (?filter=...) so a view
// can be shared; and a copy-link button on every term. Without JavaScript the page is the
// plain, complete list it was built as.
//
// A reader typing a name wants that term first, not wherever the alphabet files it, so while a
// filter is active the matches are moved, best first, into one results list above the letter
// sections, which are hidden; clearing the filter puts every node back where it was built.
//
// A glossary too large for one page is split into pages of letters, and its pages' A-Z bar is
// marked "careerkb-az-pages". There the filter searches every term, from the previews' data
// (names, first sentence and address of each), and lists the matches as links; and an address
// of a term or letter that is on another page now (glossary.html#term-x) is sent on to it.
"use strict";

(function () {
  // Ranks, best first. A term that meets none of them is not a match.
  const EXACT = 0;        // the whole query is a name, the abbreviation or an alias
  const PREFIX = 1;       // the query starts a name, the abbreviation or an alias
  const NAME_WORDS = 2;   // every query word is a word of those names
  const WORDS = 3;        // every query word is a word of the names or the definition
  const RANKS = 4;

  function normalize(text) {
    return text.toLowerCase().replace(/[\s_-]+/g, " ").trim();
  }

  // Words are runs of letters and digits in any script, so "art" is never found in "start" and
  // "Retrieval-Augmented" is two words.
  const WORD = /[\p{L}\p{N}]+/gu;

  function wordsOf(text) {
    return text.toLowerCase().match(WORD) || [];
  }

  // Spaces around every word let one includes() test a whole word (" art ") or a word's start
  // (" art"), which keeps a keystroke cheap on a glossary of thousands of terms.
  function wordLine(words) {
    return " " + words.join(" ") + " ";
  }

  function hasWords(line, query) {
    return query.words.every(function (word, index) {
      return line.includes(index === query.open ? " " + word : " " + word + " ");
    });
  }

  function queryOf(value) {
    const words = wordsOf(value);
    // The last word may be half typed, unless something after it shows it is finished ("rag ").
    const open = /[\p{L}\p{N}]$/u.test(value) ? words.length - 1 : -1;
    return { text: normalize(value), words: words, open: open };
  }

  // The names come from the data (careerkb.sphinxext.glossary), not from the "Also known as"
  // line, which is prose and may hold a name with a comma in it.
  function namesById() {
    const element = document.getElementById("careerkb-glossary-names");
    if (!element) return {};
    try {
      return JSON.parse(element.textContent);
    } catch (error) {
      return {};
    }
  }

  function entriesOf(lists) {
    const names = namesById();
    const entries = [];
    lists.forEach(function (list) {
      list.querySelectorAll(":scope > dt").forEach(function (term) {
        const definition = term.nextElementSibling;
        if (!definition || definition.tagName !== "DD") return;
        const prose = definition.querySelector("p");
        const aliases = definition.querySelector(".careerkb-term-aliases");
        const own = names[term.id] || [term.firstChild ? term.firstChild.textContent : term.textContent];
        let nameWords = wordsOf(own.join(" "));
        if (!names[term.id] && aliases) {
          // A page written before the names were (an incremental build keeps it while the script
          // is new): its other names still count as name words, if not as whole names.
          nameWords = nameWords.concat(wordsOf(Array.from(aliases.childNodes)
            .filter(function (node) { return node.nodeName !== "STRONG"; })
            .map(function (node) { return node.textContent; })
            .join(" ")));
        }
        entries.push({
          term: term,
          definition: definition,
          list: list,
          highlightIn: [term, prose, aliases].filter(Boolean),
          names: own.map(normalize),
          nameLine: wordLine(nameWords),
          allLine: wordLine(nameWords.concat(prose ? wordsOf(prose.textContent) : [])),
        });
      });
    });
    return entries;
  }

  function rankOf(entry, query) {
    if (entry.names.includes(query.text)) return EXACT;
    if (entry.names.some(function (name) { return name.startsWith(query.text); })) return PREFIX;
    if (!query.words.length) return -1;
    if (hasWords(entry.nameLine, query)) return NAME_WORDS;
    if (hasWords(entry.allLine, query)) return WORDS;
    return -1;
  }

  // Which of the positions (-1 for none) form a longest increasing subsequence, found by
  // patience sorting: the largest set of results already in the order they are wanted in.
  function inOrder(positions) {
    const tails = [];    // tails[k]: index of the smallest last position of a run of length k + 1
    const before = [];   // before[i]: index of the element before i in the best run ending at i
    positions.forEach(function (position, index) {
      if (position < 0) return;
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (positions[tails[middle]] < position) low = middle + 1;
        else high = middle;
      }
      before[index] = low > 0 ? tails[low - 1] : -1;
      tails[low] = index;
    });
    const stays = new Array(positions.length).fill(false);
    for (let index = tails.length ? tails[tails.length - 1] : -1; index >= 0; index = before[index]) {
      stays[index] = true;
    }
    return stays;
  }

  function clearMarks(root) {
    root.querySelectorAll("mark.careerkb-match").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    root.normalize();
  }

  // Marks the query's words as the matching reads them: whole words, and the word still being
  // typed also where it begins a longer one. A word holds only letters and digits, so it needs
  // no escaping in a pattern.
  function highlighter(query) {
    if (!query.words.length) return null;
    const alternatives = query.words.map(function (word, index) {
      return index === query.open ? word : word + "(?![\\p{L}\\p{N}])";
    });
    // Longest first, so "retrieval" is marked whole rather than as its prefix "ret".
    alternatives.sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(?<![\\p{L}\\p{N}])(?:" + alternatives.join("|") + ")", "giu");
  }

  function highlight(node, pattern) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
      acceptNode: function (text) {
        // The label "Also known as:" and the buttons are not the term's text.
        return text.parentElement.closest(".headerlink, button, strong") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (text) {
      pattern.lastIndex = 0;
      let found = pattern.exec(text.data);
      if (!found) return;
      const parts = document.createDocumentFragment();
      let from = 0;
      while (found) {
        parts.appendChild(document.createTextNode(text.data.slice(from, found.index)));
        const mark = document.createElement("mark");
        mark.className = "careerkb-match";
        mark.textContent = found[0];
        parts.appendChild(mark);
        from = found.index + found[0].length;
        found = pattern.exec(text.data);
      }
      parts.appendChild(document.createTextNode(text.data.slice(from)));
      text.replaceWith(parts);
    });
  }

  function addCopyButtons(entries) {
    entries.forEach(function (entry) {
      const id = entry.term.id;
      if (!id) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "careerkb-copy-link";
      button.textContent = "Copy link";
      button.setAttribute("aria-label", "Copy a link to " + entry.term.firstChild.textContent.trim());
      button.addEventListener("click", function () {
        const url = location.origin + location.pathname + "#" + id;
        const done = function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = "Copy link"; }, 1500);
        };
        if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, function () {});
      });
      entry.term.appendChild(button);
    });
  }

  function countText(shown, total, value) {
    const terms = total === 1 ? " term" : " terms";
    if (!value) return total === 1 ? "1 term" : "All " + total + terms;
    return shown + " of " + total + terms + (shown === 1 ? " matches" : " match") + " \u201c" + value + "\u201d";
  }

  function filterForm() {
    const form = document.createElement("form");
    form.className = "careerkb-filter";
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    const label = form.appendChild(document.createElement("label"));
    label.htmlFor = "careerkb-glossary-filter";
    label.textContent = "Filter the glossary";
    const input = form.appendChild(document.createElement("input"));
    input.type = "search";
    input.id = "careerkb-glossary-filter";
    input.autocomplete = "off";
    input.placeholder = "a term, an abbreviation or a word in a definition";
    input.setAttribute("aria-controls", "careerkb-glossary-results");
    const count = form.appendChild(document.createElement("p"));
    count.className = "careerkb-filter-count";
    count.setAttribute("aria-live", "polite");
    return { form: form, input: input, count: count };
  }

  // The same classes as the letter lists, so the theme styles the results as it styles them.
  function resultsList() {
    const results = document.createElement("dl");
    results.id = "careerkb-glossary-results";
    results.className = "glossary careerkb-glossary careerkb-glossary-results";
    results.hidden = true;
    return results;
  }

  // The entries that match, best first; within a rank, in the order given (alphabetical).
  function matching(entries, query) {
    const byRank = [];
    for (let rank = 0; rank < RANKS; rank += 1) byRank.push([]);
    entries.forEach(function (entry) {
      const rank = rankOf(entry, query);
      if (rank >= 0) byRank[rank].push(entry);
    });
    return byRank.flat();
  }

  // The filter's text kept in the address (?filter=...), so that a filtered view can be shared.
  function keepInAddress(typed) {
    const url = new URL(location.href);
    if (typed) url.searchParams.set("filter", typed);
    else url.searchParams.delete("filter");
    history.replaceState(null, "", url);
  }

  function initialFilter() {
    return new URL(location.href).searchParams.get("filter") || "";
  }

  function hashId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return "";  // not an address this page made
    }
  }

  // Escape empties a search field in most browsers but not all; make it do so everywhere.
  function clearOnEscape(input, clear) {
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        clear();
      }
    });
  }

  function start() {
    const bar = document.getElementById("glossary-letters");
    if (bar && bar.classList.contains("careerkb-az-pages")) {
      startSplit(bar);
      return;
    }
    const lists = Array.from(document.querySelectorAll("dl.careerkb-glossary"));
    if (!lists.length) return;
    const entries = entriesOf(lists);
    const letters = bar;
    const sections = [];
    lists.forEach(function (list) {
      const heading = list.previousElementSibling;
      if (heading && heading.classList.contains("careerkb-az-heading")) sections.push(heading);
      sections.push(list);
    });

    const filter = filterForm();
    (letters || sections[0]).before(filter.form);
    const results = resultsList();
    sections[0].before(results);

    // Each list's children as built (whitespace included), kept until the filter is cleared, so
    // clearing gives back the page exactly, whatever order the results were in.
    const built = new Map();
    lists.forEach(function (list) { built.set(list, Array.from(list.childNodes)); });
    const disturbed = new Set();
    let inResults = [];

    function showResults(ranked) {
      const keep = new Set(ranked);
      const was = new Map();
      inResults.forEach(function (entry) {
        // Back to its own list, which is hidden while filtering; its place is mended on clearing.
        if (!keep.has(entry)) entry.list.append(entry.term, entry.definition);
        else was.set(entry, was.size);
      });
      // Moving a node costs far more than working out where it goes, and a keystroke often
      // changes the rank of a few terms only: the longest run of results already in their new
      // order stays where it is, and only the others move.
      const stays = inOrder(ranked.map(function (entry) { return was.has(entry) ? was.get(entry) : -1; }));
      let next = null;
      for (let index = ranked.length - 1; index >= 0; index -= 1) {
        const entry = ranked[index];
        if (!stays[index]) {
          disturbed.add(entry.list);
          results.insertBefore(entry.definition, next);
          results.insertBefore(entry.term, entry.definition);
        }
        next = entry.term;
      }
      inResults = ranked;
    }

    function restore() {
      disturbed.forEach(function (list) { list.replaceChildren.apply(list, built.get(list)); });
      disturbed.clear();
      inResults = [];
    }

    function setFiltering(active) {
      if (results.hidden !== active) return;
      results.hidden = !active;
      sections.forEach(function (section) { section.hidden = active; });
      if (letters) letters.hidden = active;
    }

    // Highlighting thousands of matches costs more than it helps: past this many, only filter.
    const HIGHLIGHT_LIMIT = 200;
    let marked = [];

    function apply(value, keepAddress) {
      const typed = value.trim();
      const query = queryOf(value);
      marked.forEach(function (entry) { entry.highlightIn.forEach(clearMarks); });
      marked = [];
      if (!query.text) {
        restore();
        setFiltering(false);
      } else {
        // The entries are in the page's alphabetical order, which each rank keeps.
        const ranked = matching(entries, query);
        showResults(ranked);
        setFiltering(true);
        const pattern = highlighter(query);
        if (pattern && ranked.length <= HIGHLIGHT_LIMIT) {
          ranked.forEach(function (entry) {
            entry.highlightIn.forEach(function (node) { highlight(node, pattern); });
          });
          marked = ranked;
        }
      }
      filter.count.textContent = countText(inResults.length, entries.length, query.text ? typed : "");
      if (!keepAddress) keepInAddress(query.text ? typed : "");
    }

    function clearFilter() {
      filter.input.value = "";
      apply("", false);
    }

    // A link to a term the filter hides (a "See also" in the results, or an address with both a
    // filter and a term) would land nowhere: show the whole glossary, then go to the term.
    function revealTarget() {
      const id = hashId();
      const target = id && document.getElementById(id);
      if (!target || !target.closest("dl.careerkb-glossary, .careerkb-az-heading")) return;
      if (target.closest("[hidden]")) {
        clearFilter();
        target.scrollIntoView();
      }
    }

    const input = filter.input;
    input.addEventListener("input", function () { apply(input.value, false); });
    clearOnEscape(input, clearFilter);
    window.addEventListener("hashchange", revealTarget);
    addCopyButtons(entries);
    input.value = initialFilter();
    apply(input.value, true);
    revealTarget();
  }

  // --- a glossary split into pages of letters ------------------------------------------------

  // Past this many matches the list says how many more there are: keep typing to narrow it.
  const SHOWN_LIMIT = 200;

  function root() {
    return document.documentElement.dataset.content_root || "./";
  }

  // Every term of the glossary, from the previews' data, alphabetical as the pages are.
  function termsOf(data) {
    const terms = [];
    Object.keys(data).forEach(function (anchor) {
      const item = data[anchor];
      if (item.kind !== "term" || !Array.isArray(item.names)) return;
      const nameWords = wordsOf(item.names.join(" "));
      terms.push({
        anchor: anchor,
        name: item.names[0],
        text: item.text,
        url: root() + item.url,
        names: item.names.map(normalize),
        nameLine: wordLine(nameWords),
        allLine: wordLine(nameWords.concat(wordsOf(item.text))),
      });
    });
    terms.sort(function (a, b) {
      const x = a.name.toLowerCase();
      const y = b.name.toLowerCase();
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return terms;
  }

  function resultOf(term, pattern) {
    const title = document.createElement("dt");
    const link = title.appendChild(document.createElement("a"));
    link.href = term.url;
    link.className = "reference internal";
    link.textContent = term.name;
    const definition = document.createElement("dd");
    const text = definition.appendChild(document.createElement("p"));
    text.textContent = term.text;
    if (pattern) [link, text].forEach(function (node) { highlight(node, pattern); });
    return [title, definition];
  }

  // An address of a term or letter this page no longer holds goes on to the page that does.
  function followMoved(bar, data) {
    const id = hashId();
    if (!id || document.getElementById(id)) return;
    const letter = Array.from(bar.querySelectorAll("a[href]")).find(function (link) {
      return link.hash === "#" + encodeURIComponent(id) && link.pathname !== location.pathname;
    });
    if (letter) {
      location.replace(letter.href);
      return;
    }
    data.then(function (found) {
      const item = found[id];
      if (item && item.kind === "term") location.replace(root() + item.url);
    });
  }

  function startSplit(bar) {
    const data = window.careerkbLoadPreviewData ? window.careerkbLoadPreviewData() : Promise.resolve({});
    followMoved(bar, data);
    window.addEventListener("hashchange", function () { followMoved(bar, data); });
    // This page's own terms (on a page of letters) keep their copy-link buttons, and are hidden
    // with the bar while the results show.
    const lists = Array.from(document.querySelectorAll("dl.careerkb-glossary"));
    addCopyButtons(entriesOf(lists));
    const own = lists.slice();
    lists.forEach(function (list) {
      const heading = list.previousElementSibling;
      if (heading && heading.classList.contains("careerkb-az-heading")) own.push(heading);
    });
    const filter = filterForm();
    bar.before(filter.form);
    const results = resultsList();
    bar.after(results);

    data.then(function (found) {
      const terms = termsOf(found);
      const input = filter.input;

      function apply(value, keepAddress) {
        const typed = value.trim();
        const query = queryOf(value);
        const ranked = query.text ? matching(terms, query) : [];
        const active = Boolean(query.text);
        const pattern = active && ranked.length <= SHOWN_LIMIT ? highlighter(query) : null;
        results.replaceChildren.apply(results, ranked.slice(0, SHOWN_LIMIT).flatMap(function (term) {
          return resultOf(term, pattern);
        }));
        results.hidden = !active;
        bar.hidden = active;
        own.forEach(function (node) { node.hidden = active; });
        let said = countText(ranked.length, terms.length, active ? typed : "");
        if (ranked.length > SHOWN_LIMIT) said += "; the first " + SHOWN_LIMIT + " are shown";
        filter.count.textContent = said;
        if (!keepAddress) keepInAddress(active ? typed : "");
      }

      function clearFilter() {
        input.value = "";
        apply("", false);
      }

      // A result on this very page: show the page again, at the term.
      results.addEventListener("click", function (event) {
        const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
        if (link && link.pathname === location.pathname && document.getElementById(link.hash.slice(1))) {
          clearFilter();
        }
      });
      input.addEventListener("input", function () { apply(input.value, false); });
      clearOnEscape(input, clearFilter);
      input.value = initialFilter();
      apply(input.value, true);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
