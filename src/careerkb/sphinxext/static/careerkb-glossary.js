// careerkb: the glossary page's instant filter (term, abbreviation, aliases and definition),
// with a match count, highlighting and the filter kept in the address (?filter=...) so a view
// can be shared; and a copy-link button on every term. Without JavaScript the page is the
// plain, complete list it was built as.
//
// A reader typing a name wants that term first, not wherever the alphabet files it, so while a
// filter is active the matches are moved, best first, into one results list above the letter
// sections, which are hidden; clearing the filter puts every node back where it was built.
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

  function start() {
    const lists = Array.from(document.querySelectorAll("dl.careerkb-glossary"));
    if (!lists.length) return;
    const entries = entriesOf(lists);
    const letters = document.getElementById("glossary-letters");
    const sections = [];
    lists.forEach(function (list) {
      const heading = list.previousElementSibling;
      if (heading && heading.classList.contains("careerkb-az-heading")) sections.push(heading);
      sections.push(list);
    });

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
    (letters || sections[0]).before(form);

    // The same classes as the letter lists, so the theme styles the results as it styles them.
    const results = document.createElement("dl");
    results.id = "careerkb-glossary-results";
    results.className = "glossary careerkb-glossary careerkb-glossary-results";
    results.hidden = true;
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
        const byRank = [];
        for (let rank = 0; rank < RANKS; rank += 1) byRank.push([]);
        // The entries are in the page's alphabetical order, which each rank keeps.
        entries.forEach(function (entry) {
          const rank = rankOf(entry, query);
          if (rank >= 0) byRank[rank].push(entry);
        });
        const ranked = byRank.flat();
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
      count.textContent = countText(inResults.length, entries.length, query.text ? typed : "");
      if (!keepAddress) {
        const url = new URL(location.href);
        if (query.text) url.searchParams.set("filter", typed);
        else url.searchParams.delete("filter");
        history.replaceState(null, "", url);
      }
    }

    function clearFilter() {
      input.value = "";
      apply("", false);
    }

    // A link to a term the filter hides (a "See also" in the results, or an address with both a
    // filter and a term) would land nowhere: show the whole glossary, then go to the term.
    function revealTarget() {
      let id;
      try {
        id = decodeURIComponent(location.hash.slice(1));
      } catch (error) {
        return;  // not an address this page made
      }
      const target = id && document.getElementById(id);
      if (!target || !target.closest("dl.careerkb-glossary, .careerkb-az-heading")) return;
      if (target.closest("[hidden]")) {
        clearFilter();
        target.scrollIntoView();
      }
    }

    input.addEventListener("input", function () { apply(input.value, false); });
    input.addEventListener("keydown", function (event) {
      // Escape empties a search field in most browsers but not all; make it do so everywhere.
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        clearFilter();
      }
    });
    window.addEventListener("hashchange", revealTarget);
    addCopyButtons(entries);
    const initial = new URL(location.href).searchParams.get("filter") || "";
    input.value = initial;
    apply(initial, true);
    revealTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
