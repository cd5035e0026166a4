// careerkb: the "which path fits you?" chooser. The careerkb:chooser directive leaves a table of
// criteria (which stays, and is all a reader without JavaScript needs) and the same criteria as
// JSON in <script type="application/json" id="careerkb-chooser-data">. This script adds a form
// above the table: one checkbox per criterion, a button, and a result that ranks the roles by how
// many ticked criteria point to each. Every word about a role comes from the data; text goes into
// the page through textContent only. No dependencies, no network.
"use strict";

(function () {
  const DATA_ID = "careerkb-chooser-data";

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function readData(script) {
    try {
      const data = JSON.parse(script.textContent);
      if (!data || typeof data.roles !== "object" || !Array.isArray(data.criteria)) return null;
      return data;
    } catch (error) {
      return null;
    }
  }

  // A link only to a page of the site: the build writes relative addresses.
  function safeUrl(url) {
    if (typeof url !== "string" || url === "") return null;
    return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//") ? null : url;
  }

  function roleName(role, id) {
    const url = safeUrl(role.url);
    if (!url) return element("strong", "careerkb-chooser-role", role.title || id);
    const link = element("a", "careerkb-chooser-role", role.title || id);
    link.setAttribute("href", url);
    return link;
  }

  function plural(count, one, many) {
    return count === 1 ? one : many;
  }

  // Roles with at least one ticked criterion, most ticks first; ties keep the data's order.
  function rank(data, ticked) {
    const totals = new Map();
    const hits = new Map();
    data.criteria.forEach(function (criterion) {
      totals.set(criterion.role, (totals.get(criterion.role) || 0) + 1);
      if (ticked.has(criterion.id)) hits.set(criterion.role, (hits.get(criterion.role) || 0) + 1);
    });
    const order = Array.from(totals.keys());
    return order
      .filter(function (id) { return hits.has(id); })
      .map(function (id) { return { id: id, ticked: hits.get(id), total: totals.get(id) }; })
      .sort(function (a, b) {
        return b.ticked - a.ticked || order.indexOf(a.id) - order.indexOf(b.id);
      });
  }

  function reasons(match) {
    return "You ticked " + match.ticked + " of the " + match.total + " " +
      plural(match.total, "reason that points", "reasons that point") + " here.";
  }

  function showResult(result, data, ticked) {
    result.replaceChildren();
    const ranked = rank(data, ticked);
    if (ranked.length === 0) {
      result.appendChild(element(
        "p", "careerkb-chooser-prompt",
        "Tick at least one reason that sounds like you, then press “Show my match”."
      ));
      return;
    }
    const best = ranked[0];
    const role = data.roles[best.id] || {};
    const headline = element("p", "careerkb-chooser-best");
    headline.appendChild(element("span", "careerkb-chooser-label", "Your best fit: "));
    headline.appendChild(roleName(role, best.id));
    result.appendChild(headline);
    result.appendChild(element("p", "careerkb-chooser-count", reasons(best)));
    if (role.summary) result.appendChild(element("p", "careerkb-chooser-summary", role.summary));

    const tied = ranked.slice(1).filter(function (match) { return match.ticked === best.ticked; });
    if (tied.length > 0) {
      result.appendChild(element(
        "p", "careerkb-chooser-tie",
        "Just as many of your ticks point to " +
          tied.map(function (match) { return (data.roles[match.id] || {}).title || match.id; })
            .join(" and ") +
          ": read those profiles too, and go with the daily work that appeals most."
      ));
    }
    if (ranked.length > 1) {
      result.appendChild(element("p", "careerkb-chooser-others-title", "Your ticks also point to:"));
      const list = element("ol", "careerkb-chooser-others");
      ranked.slice(1).forEach(function (match) {
        const item = element("li");
        item.appendChild(roleName(data.roles[match.id] || {}, match.id));
        item.appendChild(document.createTextNode(" — " + match.ticked + " of " + match.total));
        list.appendChild(item);
      });
      result.appendChild(list);
    }
  }

  function build(script, data) {
    const prefix = "careerkb-chooser-";
    const form = element("form", "careerkb-chooser-form");
    form.setAttribute("novalidate", "");

    const fieldset = element("fieldset", "careerkb-chooser-fieldset");
    fieldset.appendChild(element("legend", "careerkb-chooser-legend", "Tick every reason that sounds like you"));
    const list = element("ul", "careerkb-chooser-options");
    data.criteria.forEach(function (criterion, position) {
      const item = element("li", "careerkb-chooser-option");
      const box = element("input");
      box.type = "checkbox";
      box.id = prefix + position;
      box.value = String(criterion.id);
      box.name = "criterion";
      const label = element("label", null, String(criterion.text));
      label.htmlFor = box.id;
      item.appendChild(box);
      item.appendChild(label);
      list.appendChild(item);
    });
    fieldset.appendChild(list);
    form.appendChild(fieldset);

    const button = element("button", "careerkb-chooser-button", "Show my match");
    button.type = "submit";
    form.appendChild(button);

    const result = element("div", "careerkb-chooser-result");
    result.id = prefix + "result";
    result.setAttribute("aria-live", "polite");
    form.appendChild(result);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      const ticked = new Set(
        Array.from(list.querySelectorAll("input:checked")).map(function (box) { return box.value; })
      );
      showResult(result, data, ticked);
    });

    // The data element comes first in the chooser, so the form lands above the table.
    script.after(form);
  }

  function start() {
    const script = document.getElementById(DATA_ID);
    if (!script) return;
    const data = readData(script);
    if (data && data.criteria.length > 0) build(script, data);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
