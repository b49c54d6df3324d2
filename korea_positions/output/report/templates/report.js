/* kpos report: the filter box. Names are looked up in the map kpos embedded
   (#kpos-filter): the page drops from what is typed only the characters kpos compares
   names without, as the command line does, and resolves nothing itself. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kpos-filter").textContent);
  var form = document.getElementById("filter-form");
  var box = document.getElementById("filter");
  var status = document.getElementById("filter-status");
  var ignored = new RegExp("[\\s" + data.ignore + "]+", "g");
  var marked = document.querySelectorAll("[data-actors], [data-steps]");

  function normalize(text) {
    text = text.trim();
    if (/^the\s/i.test(text)) { text = text.slice(4); }
    return text.replace(/\u2019/g, "'").replace(ignored, "").toLowerCase();
  }

  function lookup(term) {
    var found = data.names[normalize(term)];
    if (found) { return found; }
    var words = term.trim().split(/\s+/);
    if (words.length < 2) { return null; }
    var merged = { actors: [], steps: [] };
    for (var i = 0; i < words.length; i++) {
      var one = data.names[normalize(words[i])];
      if (!one) { return null; }
      merged.actors = merged.actors.concat(one.actors);
      merged.steps = merged.steps.concat(one.steps);
    }
    return merged;
  }

  function expand(ids, map) {
    var set = {};
    ids.forEach(function (id) { (map[id] || [id]).forEach(function (x) { set[x] = true; }); });
    return set;
  }

  function matches(value, set) {
    if (set === null || value === null) { return true; }
    return value.split(" ").some(function (id) { return set[id] === true; });
  }

  function names(ids) {
    return ids.map(function (id) { return data.labels[id] ? data.labels[id] + " (" + id + ")" : id; }).join(", ");
  }

  function apply(text) {
    var actors = [], steps = [], unknown = [];
    text.split(/[,;+]/).forEach(function (term) {
      if (!term.trim()) { return; }
      var found = lookup(term);
      if (!found || (!found.actors.length && !found.steps.length)) { unknown.push(term.trim()); return; }
      actors = actors.concat(found.actors);
      steps = steps.concat(found.steps);
    });
    var A = actors.length ? expand(actors, data.members) : null;
    var S = steps.length ? expand(steps, data.related) : null;
    var shown = 0, positions = document.querySelectorAll("article.position");
    marked.forEach(function (el) {
      var keep = matches(el.getAttribute("data-actors"), A) && matches(el.getAttribute("data-steps"), S);
      el.classList.toggle("off", !keep);
    });
    positions.forEach(function (el) { if (!el.classList.contains("off")) { shown++; } });
    var said = [];
    if (actors.length) { said.push("actors: " + names(actors)); }
    if (steps.length) { said.push("steps: " + names(steps)); }
    if (unknown.length) { said.push("no actor or step called " + unknown.map(function (u) { return "\u201c" + u + "\u201d"; }).join(", ")); }
    status.textContent = said.length ? "Showing " + shown + " of " + positions.length + " positions; " + said.join("; ") + "." : "";
    document.body.setAttribute("data-filtered", A || S ? "yes" : "no");
  }

  function fromHash() {
    var hash = window.location.hash;
    if (hash.indexOf("#filter=") !== 0) { return false; }
    box.value = decodeURIComponent(hash.slice(8).replace(/\+/g, " "));
    apply(box.value);
    return true;
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  box.addEventListener("input", function () {
    apply(box.value);
    var here = window.location.pathname + window.location.search;
    var hash = box.value.trim() ? "#filter=" + encodeURIComponent(box.value.trim()) : here;
    if (window.history && window.history.replaceState) { window.history.replaceState(null, "", hash); }
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
}());
