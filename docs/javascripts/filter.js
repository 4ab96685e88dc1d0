/* Accords: filters for the tables wrapped in <div class="filterable">.
 *
 * The table is plain HTML and complete without this script. The script adds one
 * <select> per column named in data-filters (values read from the cells; a column
 * whose cells link several records, like Parties, offers each record), a text box
 * for the column named in data-search, and a count. Nothing leaves the page.
 */
(function () {
  "use strict";

  function cellValues(cell, column) {
    var links = cell.querySelectorAll("a");
    var values = links.length
      ? Array.prototype.map.call(links, function (a) { return a.textContent.trim(); })
      : [cell.textContent.trim()];
    if (column === "Signed" || column === "Date") {
      values = values.map(function (v) { return /^\d{4}/.test(v) ? v.slice(0, 4) : v; });
    }
    return values.filter(function (v) { return v !== ""; });
  }

  function setup(root) {
    if (root.dataset.ready) return;
    var table = root.querySelector("table");
    if (!table || !table.tBodies.length) return;
    root.dataset.ready = "1";
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var wanted = (root.dataset.filters || "").split(",").filter(Boolean);
    var form = document.createElement("form");
    form.className = "filters";
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var controls = [];

    wanted.forEach(function (column) {
      var index = heads.indexOf(column);
      if (index < 0) return;
      var seen = {};
      rows.forEach(function (row) {
        cellValues(row.cells[index], column).forEach(function (v) { seen[v] = true; });
      });
      var values = Object.keys(seen).sort();
      if (column === "Signed" || column === "Date") values.reverse();
      var label = document.createElement("label");
      label.textContent = column + " ";
      var select = document.createElement("select");
      select.name = column.toLowerCase();
      select.appendChild(new Option("all", ""));
      values.forEach(function (v) { select.appendChild(new Option(v, v)); });
      label.appendChild(select);
      form.appendChild(label);
      controls.push({ index: index, column: column, input: select, exact: true });
    });

    var searchColumn = heads.indexOf(root.dataset.search || "");
    if (searchColumn >= 0) {
      var label = document.createElement("label");
      label.textContent = root.dataset.search + " ";
      var box = document.createElement("input");
      box.type = "search";
      box.name = "q";
      box.placeholder = "contains…";
      label.appendChild(box);
      form.appendChild(label);
      controls.push({ index: searchColumn, column: root.dataset.search, input: box, exact: false });
    }

    var reset = document.createElement("button");
    reset.type = "reset";
    reset.textContent = "Show all";
    form.appendChild(reset);
    var count = document.createElement("output");
    count.className = "filter-count";
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = controls.every(function (c) {
          var want = c.input.value.trim();
          if (!want) return true;
          var cell = row.cells[c.index];
          if (c.exact) return cellValues(cell, c.column).indexOf(want) >= 0;
          return cell.textContent.toLowerCase().indexOf(want.toLowerCase()) >= 0;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      var noun = root.dataset.noun || "rows";
      count.textContent = shown === rows.length
        ? rows.length + " " + noun
        : shown + " of " + rows.length + " " + noun;
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    root.insertBefore(form, root.firstChild);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".filterable"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
