// careerkb: a short preview of a glossary term or role when a reader hovers over or focuses a
// link to it, closed with Escape; and an excerpt under term and role results on the search page.
// The text comes from careerkb-previews-data.js, written at build time and loaded on first use.
// window.careerkbLoadPreviewData() gives it to other scripts (the glossary's filter) as a promise.
"use strict";

(function () {
  const PATTERN = /#((?:term|role)-[a-z0-9-]+)$/;
  let data = null;
  let loading = null;
  let tooltip = null;
  let owner = null;
  let hideTimer = null;

  function root() {
    return document.documentElement.dataset.content_root || "./";
  }

  function load() {
    if (data) return Promise.resolve(data);
    if (!loading) {
      loading = new Promise(function (resolve) {
        const script = document.createElement("script");
        script.src = root() + "_static/careerkb-previews-data.js";
        script.onload = function () {
          data = window.careerkbPreviewData || {};
          resolve(data);
        };
        script.onerror = function () {
          data = {};
          resolve(data);
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  // The glossary's filter reads the same data, on a glossary split into pages of letters.
  window.careerkbLoadPreviewData = load;

  function anchorOf(link) {
    const match = (link.getAttribute("href") || "").match(PATTERN);
    return match ? match[1] : null;
  }

  function ensureTooltip() {
    if (tooltip) return tooltip;
    tooltip = document.createElement("div");
    tooltip.id = "careerkb-preview";
    tooltip.className = "careerkb-preview";
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    tooltip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tooltip.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(tooltip);
    return tooltip;
  }

  // Below the link if the preview fits there, else above it if it fits there, else wherever
  // more of it shows: a preview near the bottom of the window opens upward.
  function top(rect, height) {
    const gap = 6;
    const below = window.innerHeight - rect.bottom - gap;
    const above = rect.top - gap;
    if (height <= below || below >= above) return rect.bottom + gap;
    return rect.top - gap - height;
  }

  function show(link) {
    const anchor = anchorOf(link);
    if (!anchor) return;
    load().then(function (entries) {
      const entry = entries[anchor];
      if (!entry) return;
      clearTimeout(hideTimer);
      const box = ensureTooltip();
      box.replaceChildren();
      const title = box.appendChild(document.createElement("strong"));
      title.textContent = entry.title;
      const text = box.appendChild(document.createElement("p"));
      text.textContent = entry.text;
      const more = box.appendChild(document.createElement("a"));
      more.href = root() + entry.url;
      more.textContent = entry.kind === "role" ? "Read the profile" : "Read the full entry";
      // For the mouse only: the term link itself leads there, and the preview closes once focus
      // leaves the term, so a Tab into it would land on a link that is about to vanish.
      more.tabIndex = -1;
      box.hidden = false;
      const rect = link.getBoundingClientRect();
      const width = Math.min(360, document.documentElement.clientWidth - 16);
      box.style.width = width + "px";
      const left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
      box.style.left = left + "px";
      box.style.top = top(rect, box.offsetHeight) + window.scrollY + "px";
      if (owner && owner !== link) owner.removeAttribute("aria-describedby");
      owner = link;
      link.setAttribute("aria-describedby", box.id);
    });
  }

  function hide() {
    if (tooltip) tooltip.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function previewable(target) {
    const link = target instanceof Element ? target.closest("a[href]") : null;
    if (!link || link.closest(".careerkb-preview") || link.classList.contains("headerlink")) return null;
    return anchorOf(link) ? link : null;
  }

  document.addEventListener("mouseover", function (event) {
    const link = previewable(event.target);
    if (link) show(link);
  });
  document.addEventListener("mouseout", function (event) {
    if (previewable(event.target)) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    const link = previewable(event.target);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (previewable(event.target)) scheduleHide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tooltip && !tooltip.hidden) hide();
  });

  // Search results: Sphinx lists terms and roles by name; add their short text as an excerpt.
  function addExcerpts(results) {
    results.querySelectorAll("li").forEach(function (item) {
      const link = item.querySelector("a[href]");
      const anchor = link && anchorOf(link);
      if (!anchor || item.querySelector(".careerkb-excerpt")) return;
      load().then(function (entries) {
        const entry = entries[anchor];
        if (!entry || item.querySelector(".careerkb-excerpt")) return;
        const excerpt = item.appendChild(document.createElement("p"));
        excerpt.className = "context careerkb-excerpt";
        excerpt.textContent = entry.text;
      });
    });
  }

  function watchSearch() {
    const results = document.getElementById("search-results");
    if (!results) return;
    new MutationObserver(function () { addExcerpts(results); }).observe(results, { childList: true, subtree: true });
    addExcerpts(results);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchSearch);
  } else {
    watchSearch();
  }
})();
