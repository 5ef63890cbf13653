"use strict";
// Filters and the evidence panel. Every value shown comes from the page's escaped text and data-
// attributes and is written back with textContent only, never as markup.
(function () {
  const byId = (id) => document.getElementById(id);
  const severity = byId("filter-severity"), rule = byId("filter-rule"), outlet = byId("filter-outlet");

  function applyFilters() {
    let shown = 0;
    for (const row of document.querySelectorAll("tr.finding")) {
      const outlets = JSON.parse(row.dataset.outlets);
      const visible = (!severity.value || row.dataset.severity === severity.value) &&
        (!rule.value || row.dataset.code === rule.value) &&
        (!outlet.value || outlets.includes(outlet.value));
      row.classList.toggle("hidden-by-filter", !visible);
      if (visible) shown += 1;
    }
    for (const cell of document.querySelectorAll("[data-outlet]")) {
      cell.classList.toggle("hidden-by-filter", Boolean(outlet.value) && cell.dataset.outlet !== outlet.value);
    }
    byId("shown-count").textContent = String(shown);
  }

  function showEvidence(claim) {
    const panel = byId("evidence");
    byId("evidence-where").textContent = claim.dataset.where;
    byId("evidence-text").textContent = claim.dataset.evidence || "(no evidence given)";
    panel.hidden = false;
  }

  for (const select of [severity, rule, outlet]) select.addEventListener("change", applyFilters);
  for (const claim of document.querySelectorAll(".claim")) {
    claim.addEventListener("click", () => showEvidence(claim));
    claim.addEventListener("keydown", (event) => { if (event.key === "Enter") showEvidence(claim); });
  }
  byId("evidence-close").addEventListener("click", () => { byId("evidence").hidden = true; });
  applyFilters();
})();
