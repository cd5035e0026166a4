// careerkb: the "which path fits you?" chooser. The careerkb:chooser directive leaves a table of
// answers (which stays, and is all a reader without JavaScript needs) and the same answers as
// JSON in <script type="application/json" id="careerkb-chooser-data">. This script adds a form
// above the table: where you start from, then what you enjoy, a button, and a result that ranks
// the roles and says which answers led to each. Every word about a role comes from the data;
// text goes into the page through textContent only. No dependencies, no network.
//
// The ranking is normalised, so a role does not win by having more reasons listed: a role
// scores 1 when a background you ticked points to it, plus the share of its own "choose this if"
// reasons you ticked (0 to 1). Ties go to the role more sources name for your background, then
// to the map's order.
"use strict";

(function () {
  const DATA_ID = "careerkb-chooser-data";
  const KINDS = [
    { kind: "background", legend: "Where are you starting from?", prefix: "" },
    { kind: "preference", legend: "What sounds like you?", prefix: "" },
  ];

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function readData(script) {
    try {
      const data = JSON.parse(script.textContent);
      if (!data || !Array.isArray(data.roles) || !Array.isArray(data.answers)) return null;
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

  function roleName(role) {
    const url = safeUrl(role.url);
    if (!url) return element("strong", "careerkb-chooser-role", role.title || role.id);
    const link = element("a", "careerkb-chooser-role", role.title || role.id);
    link.setAttribute("href", url);
    return link;
  }

  function sourcesOf(points) {
    return Array.from(new Set(points.map(function (point) { return String(point.source); }))).join("; ");
  }

  // Every role some ticked answer points to, best first, with what led there.
  function rank(data, ticked) {
    const order = data.roles.map(function (role) { return role.id; });
    const matches = new Map();
    function match(id) {
      if (!matches.has(id)) {
        matches.set(id, { id: id, backgrounds: [], preferences: [], total: 0, sources: new Set() });
      }
      return matches.get(id);
    }
    data.answers.forEach(function (answer) {
      answer.points.forEach(function (point) {
        if (answer.kind === "preference") match(point.role).total += 1;
        if (!ticked.has(answer.id)) return;
        const found = match(point.role);
        if (answer.kind === "background") {
          if (found.backgrounds.indexOf(answer) < 0) found.backgrounds.push(answer);
          found.sources.add(String(point.source));
        } else {
          found.preferences.push(answer);
        }
      });
    });
    const ranked = [];
    matches.forEach(function (found) {
      if (found.backgrounds.length === 0 && found.preferences.length === 0) return;
      found.score = (found.backgrounds.length ? 1 : 0) +
        (found.total ? found.preferences.length / found.total : 0);
      ranked.push(found);
    });
    return ranked.sort(function (a, b) {
      return b.score - a.score || b.sources.size - a.sources.size ||
        order.indexOf(a.id) - order.indexOf(b.id);
    });
  }

  function why(found) {
    const parts = [];
    if (found.backgrounds.length) {
      parts.push("your background (" + found.backgrounds.map(function (answer) {
        return answer.text + ": " + sourcesOf(answer.points.filter(function (point) {
          return point.role === found.id;
        }));
      }).join("; ") + ")");
    }
    if (found.preferences.length) {
      parts.push(found.preferences.length + " of the " + found.total + " reasons the sources give for it");
    }
    return "Because of " + parts.join(", and ") + ".";
  }

  // Does the ranking follow the sources' own advice for the reader's background? It does not
  // when the role that what the reader enjoys points to most is not one the sources name for
  // that background: then the sources point two ways, and the reader should hear both.
  function advice(data, ticked, ranked, roles) {
    const backgrounds = data.answers.filter(function (answer) {
      return answer.kind === "background" && ticked.has(answer.id);
    });
    if (backgrounds.length === 0) {
      return "Tick where you are starting from as well: that is where the sources' advice is firmest.";
    }
    const named = [];
    backgrounds.forEach(function (answer) {
      answer.points.forEach(function (point) {
        if (named.indexOf(point.role) < 0) named.push(point.role);
      });
    });
    const byPreference = ranked
      .filter(function (found) { return found.preferences.length > 0; })
      .sort(function (a, b) {
        return b.preferences.length / b.total - a.preferences.length / a.total;
      })[0];
    if (!byPreference || named.indexOf(byPreference.id) >= 0) {
      return "This agrees with what the sources advise for your background.";
    }
    function title(id) { return (roles.get(id) || {}).title || id; }
    return "The sources point two ways here: for your background they name " +
      named.map(title).join(", ") + ", while what you enjoy points most to " + title(byPreference.id) +
      ". Read both profiles before you choose.";
  }

  function showResult(result, data, ticked) {
    result.replaceChildren();
    const roles = new Map(data.roles.map(function (role) { return [role.id, role]; }));
    const ranked = rank(data, ticked);
    if (ranked.length === 0) {
      result.appendChild(element(
        "p", "careerkb-chooser-prompt",
        "Tick at least one answer that sounds like you, then press “Show my match”."
      ));
      return;
    }
    const best = ranked[0];
    const role = roles.get(best.id) || { id: best.id };
    const headline = element("p", "careerkb-chooser-best");
    headline.appendChild(element("span", "careerkb-chooser-label", "Your best fit: "));
    headline.appendChild(roleName(role));
    result.appendChild(headline);
    result.appendChild(element("p", "careerkb-chooser-why", why(best)));
    if (role.summary) result.appendChild(element("p", "careerkb-chooser-summary", role.summary));
    result.appendChild(element("p", "careerkb-chooser-advice", advice(data, ticked, ranked, roles)));

    const tied = ranked.slice(1).filter(function (found) { return found.score === best.score; });
    if (tied.length > 0) {
      result.appendChild(element(
        "p", "careerkb-chooser-tie",
        "Your answers point just as strongly to " +
          tied.map(function (found) { return (roles.get(found.id) || {}).title || found.id; }).join(" and ") +
          ": read those profiles too, and go with the daily work that appeals most."
      ));
    }
    if (ranked.length > 1) {
      result.appendChild(element("p", "careerkb-chooser-others-title", "Your answers also point to:"));
      const list = element("ol", "careerkb-chooser-others");
      ranked.slice(1).forEach(function (found) {
        const item = element("li");
        item.appendChild(roleName(roles.get(found.id) || { id: found.id }));
        item.appendChild(document.createTextNode(" — " + why(found)));
        list.appendChild(item);
      });
      result.appendChild(list);
    }
  }

  function build(script, data) {
    const prefix = "careerkb-chooser-";
    const form = element("form", "careerkb-chooser-form");
    form.setAttribute("novalidate", "");
    let position = 0;
    KINDS.forEach(function (group) {
      const answers = data.answers.filter(function (answer) { return answer.kind === group.kind; });
      if (answers.length === 0) return;
      const fieldset = element("fieldset", "careerkb-chooser-fieldset");
      fieldset.appendChild(element("legend", "careerkb-chooser-legend", group.legend));
      const list = element("ul", "careerkb-chooser-options");
      answers.forEach(function (answer) {
        const item = element("li", "careerkb-chooser-option");
        const box = element("input");
        box.type = "checkbox";
        box.id = prefix + position++;
        box.value = String(answer.id);
        box.name = group.kind;
        const label = element("label", null, group.prefix + String(answer.text));
        label.htmlFor = box.id;
        item.appendChild(box);
        item.appendChild(label);
        list.appendChild(item);
      });
      fieldset.appendChild(list);
      form.appendChild(fieldset);
    });

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
        Array.from(form.querySelectorAll("input:checked")).map(function (box) { return box.value; })
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
    if (data && data.answers.length > 0) build(script, data);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
