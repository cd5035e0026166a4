// careerkb: makes tables marked `careerkb-sortable` sortable by any column, and says above a
// table that it scrolls when it is wider than the screen. Without JavaScript
// they stay plain, complete tables. Pay columns sort by their first figure ($90K before $140K);
// a figure in pounds or euros sorts by its number, as no conversion is made.
"use strict";

(function () {
  function sortKey(cell) {
    const text = cell.textContent.trim();
    const money = text.match(/[$£€]([\d.]+)\s*([KM])?/);
    if (money) {
      const scale = money[2] === "M" ? 1e6 : money[2] === "K" ? 1e3 : 1;
      return { number: parseFloat(money[1]) * scale, text };
    }
    return { number: null, text: text.toLowerCase() };
  }

  function compare(a, b) {
    if (a.number !== null && b.number !== null) return a.number - b.number;
    if (a.number !== null) return -1;
    if (b.number !== null) return 1;
    return a.text.localeCompare(b.text);
  }

  function makeSortable(table) {
    const headers = table.querySelectorAll("thead th");
    const body = table.tBodies[0];
    if (!body) return;
    headers.forEach(function (header, column) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "careerkb-sort";
      button.textContent = header.textContent.trim();
      button.setAttribute("aria-label", "Sort by " + button.textContent);
      header.replaceChildren(button);
      button.addEventListener("click", function () {
        const ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const rows = Array.from(body.rows);
        rows.sort(function (x, y) {
          const order = compare(sortKey(x.cells[column]), sortKey(y.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // A table wider than the screen says so above it, in words: the edge shadows are easy to miss.
  function markScrolling(container) {
    let hint = null;
    function update() {
      const scrolls = container.scrollWidth > container.clientWidth + 1;
      if (scrolls && !hint) {
        hint = document.createElement("p");
        hint.className = "careerkb-scroll-hint";
        hint.textContent = "Scroll sideways for more columns \u2192";
        container.before(hint);
      }
      if (hint) hint.hidden = !scrolls;
    }
    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(container);
  }

  function start() {
    document.querySelectorAll("table.careerkb-sortable").forEach(makeSortable);
    document.querySelectorAll(".pst-scrollable-table-container").forEach(markScrolling);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
