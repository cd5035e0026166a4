// careerkb: the glossary page's instant filter (term, abbreviation, aliases and definition),
// with a match count, highlighting and the filter kept in the address (?filter=...) so a view
// can be shared; and a copy-link button on every term. Without JavaScript the page is the
// plain, complete list it was built as.
"use strict";

(function () {
  function normalize(text) {
    return text.toLowerCase().replace(/[\s_-]+/g, " ").trim();
  }

  function entriesOf(lists) {
    const entries = [];
    lists.forEach(function (list) {
      list.querySelectorAll(":scope > dt").forEach(function (term) {
        const definition = term.nextElementSibling;
        if (!definition || definition.tagName !== "DD") return;
        const searchable = [term, definition.querySelector("p"), definition.querySelector(".careerkb-term-aliases")]
          .filter(Boolean);
        const text = normalize(searchable.map(function (node) { return node.textContent; }).join(" "));
        entries.push({
          term: term,
          definition: definition,
          list: list,
          highlightIn: searchable.slice(0, 2),
          text: text,
          shown: true,
        });
      });
    });
    return entries;
  }

  function clearMarks(root) {
    root.querySelectorAll("mark.careerkb-match").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    root.normalize();
  }

  function highlight(node, needle) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
      acceptNode: function (text) {
        return text.parentElement.closest(".headerlink, button") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (text) {
      const lower = text.data.toLowerCase();
      let at = lower.indexOf(needle);
      if (at < 0) return;
      const parts = document.createDocumentFragment();
      let from = 0;
      while (at >= 0) {
        parts.appendChild(document.createTextNode(text.data.slice(from, at)));
        const mark = document.createElement("mark");
        mark.className = "careerkb-match";
        mark.textContent = text.data.slice(at, at + needle.length);
        parts.appendChild(mark);
        from = at + needle.length;
        at = lower.indexOf(needle, from);
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

  function start() {
    const lists = Array.from(document.querySelectorAll("dl.careerkb-glossary"));
    if (!lists.length) return;
    const entries = entriesOf(lists);
    const letters = document.getElementById("glossary-letters");

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
    const count = form.appendChild(document.createElement("p"));
    count.className = "careerkb-filter-count";
    count.setAttribute("aria-live", "polite");
    (letters || lists[0]).before(form);

    // Highlighting thousands of matches costs more than it helps: past this many, only filter.
    const HIGHLIGHT_LIMIT = 200;
    let marked = [];

    function apply(value, keepAddress) {
      const needle = normalize(value);
      const typed = value.toLowerCase().trim();
      marked.forEach(function (entry) { entry.highlightIn.forEach(clearMarks); });
      marked = [];
      const visibleIn = new Map();
      const matches = [];
      entries.forEach(function (entry) {
        const match = !needle || entry.text.includes(needle);
        if (entry.shown !== match) {
          // Touch the page only where something changes: that is what keeps typing fast.
          entry.term.hidden = !match;
          entry.definition.hidden = !match;
          entry.shown = match;
        }
        if (match) {
          visibleIn.set(entry.list, (visibleIn.get(entry.list) || 0) + 1);
          if (needle) matches.push(entry);
        }
      });
      if (matches.length <= HIGHLIGHT_LIMIT) {
        matches.forEach(function (entry) {
          entry.highlightIn.forEach(function (node) { highlight(node, typed); });
        });
        marked = matches;
      }
      lists.forEach(function (list) {
        const visible = visibleIn.has(list);
        if (list.hidden === visible) {
          list.hidden = !visible;
          const heading = list.previousElementSibling;
          if (heading && heading.classList.contains("careerkb-az-heading")) heading.hidden = !visible;
        }
      });
      if (letters) letters.hidden = Boolean(needle);
      const shown = needle ? matches.length : entries.length;
      count.textContent = needle
        ? shown + " of " + entries.length + " terms match \u201c" + value.trim() + "\u201d"
        : "All " + entries.length + " terms";
      if (!keepAddress) {
        const url = new URL(location.href);
        if (needle) url.searchParams.set("filter", value.trim());
        else url.searchParams.delete("filter");
        history.replaceState(null, "", url);
      }
    }

    input.addEventListener("input", function () { apply(input.value, false); });
    addCopyButtons(entries);
    const initial = new URL(location.href).searchParams.get("filter") || "";
    input.value = initial;
    apply(initial, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
