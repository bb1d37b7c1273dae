// Small enhancements for the Campagnes pages. Everything works without this file; the CSP forbids inline scripts.
(function () {
  "use strict";

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  // How well an option matches what was typed, lower is better: 0 the whole label, 1 the label's start, 2 the start of
  // a word in it, 3 anywhere in the label, 4 only in the detail (role, status); null when it does not match at all.
  function matchRank(label, detail, query) {
    const q = fold(query.trim());
    if (q.length === 0) return null;
    const l = fold(label.trim());
    if (l === q) return 0;
    if (l.startsWith(q)) return 1;
    if (l.split(/[^\p{L}\p{N}]+/u).some((word) => word.length > 0 && word.startsWith(q))) return 2;
    if (l.includes(q)) return 3;
    if (detail && fold(detail).includes(q)) return 4;
    return null;
  }

  // The options that match, best first; equally good ones keep the list's order. Enter picks the first.
  function rankOptions(options, query) {
    return options
      .map((option, index) => ({ option, index, rank: matchRank(option.label, option.detail, query) }))
      .filter((x) => x.rank !== null)
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((x) => x.option);
  }

  if (typeof module !== "undefined" && module.exports) module.exports = { matchRank, rankOptions };
  if (typeof document === "undefined") return;

  // Picker: type-ahead over a list of checkboxes, with the chosen ones as removable chips.
  function enhancePicker(picker) {
    const search = picker.querySelector(".picker-search");
    const filter = picker.querySelector(".picker-filter");
    const chosen = picker.querySelector(".picker-chosen");
    const items = Array.from(picker.querySelectorAll(".picker-list li"));
    if (!search || !filter || !chosen) return;
    search.hidden = false;
    let group = null;

    const text = (li) => li.querySelector(".picker-label").textContent;
    const detail = (li) => { const small = li.querySelector("small"); return small ? small.textContent : ""; };
    const box = (li) => li.querySelector("input[type=checkbox]");
    const visible = () => items.filter((li) => !li.hidden);
    const empty = document.createElement("p");
    empty.className = "picker-empty";
    empty.setAttribute("role", "status");
    search.after(empty);

    function apply() {
      const q = filter.value.trim();
      for (const li of items) {
        const inGroup = group === null || !li.dataset.group || li.dataset.group === group || box(li).checked;
        li.hidden = !inGroup || (q.length > 0 && matchRank(text(li), detail(li), q) === null);
      }
      empty.textContent = q.length > 0 && visible().length === 0 ? "geen resultaten" : "";
    }

    function best() {
      const candidates = visible().filter((li) => !box(li).checked).map((li) => ({ li, label: text(li), detail: detail(li) }));
      const ranked = rankOptions(candidates, filter.value);
      return ranked.length > 0 ? ranked[0].li : null;
    }

    function renderChips() {
      chosen.replaceChildren();
      for (const li of items) {
        const input = box(li);
        if (!input.checked) continue;
        const chip = document.createElement("span");
        chip.className = "chip";
        chip.append(text(li));
        const remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", text(li) + " verwijderen");
        remove.addEventListener("click", () => { input.checked = false; renderChips(); apply(); filter.focus(); });
        chip.append(remove);
        chosen.append(chip);
      }
    }

    filter.addEventListener("input", apply);
    filter.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        const first = best();
        if (first) { box(first).checked = true; filter.value = ""; apply(); renderChips(); }
      } else if (e.key === "ArrowDown") {
        const first = visible()[0];
        if (first) { e.preventDefault(); box(first).focus(); }
      } else if (e.key === "Escape") {
        filter.value = ""; apply();
      }
    });
    picker.addEventListener("change", (e) => { if (e.target.type === "checkbox") renderChips(); });

    picker.setGroup = (value) => { group = value || null; apply(); };
    renderChips();
  }

  // The form shows only the fields of the chosen kind (outcome for meetings and calls, document reference for letters...).
  function enhanceKinds(form) {
    const radios = Array.from(form.querySelectorAll("input[name=Kind]"));
    const fields = Array.from(form.querySelectorAll("[data-kinds]"));
    if (radios.length === 0) return;
    const update = () => {
      const kind = (radios.find((r) => r.checked) || radios[0]).value;
      for (const field of fields) {
        const hasValue = Array.from(field.querySelectorAll("input, textarea")).some((i) => i.value.trim() !== "");
        field.hidden = !field.dataset.kinds.split(" ").includes(kind) && !hasValue;
      }
      for (const hint of form.querySelectorAll(".hint-inline")) hint.hidden = true;
    };
    radios.forEach((r) => r.addEventListener("change", update));
    update();
  }

  // Only the demands of the chosen campaign are offered.
  function enhanceCampaign(form) {
    const select = form.querySelector("[data-campaign-select]");
    const demands = form.querySelector("#DemandIds");
    if (!select || !demands || !demands.setGroup) return;
    const update = () => demands.setGroup(select.value);
    select.addEventListener("change", update);
    update();
  }

  // "Meer laden": the link opens the next page; here its entries are added below the ones shown, with the next link.
  function enhanceMore(timeline) {
    timeline.addEventListener("click", async (event) => {
      const link = event.target.closest("a[data-more]");
      if (!link) return;
      event.preventDefault();
      link.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(link.href, { headers: { Accept: "text/html" } });
        if (!response.ok) throw new Error(response.status);
        const next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-timeline]");
        const list = timeline.querySelector("ol.timeline");
        const added = next ? Array.from(next.querySelectorAll("ol.timeline > li")) : [];
        if (!list || !next) throw new Error("no timeline");
        added.forEach((item) => list.appendChild(document.adoptNode(item)));
        const more = next.querySelector("a[data-more]");
        if (more) link.href = more.href; else link.closest("p").remove();
        // Keyboard and screen-reader users continue at the first new entry.
        if (added.length > 0) { added[0].tabIndex = -1; added[0].focus(); }
      } catch {
        window.location.href = link.href;
      } finally {
        link.removeAttribute("aria-busy");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-timeline]").forEach(enhanceMore);
    document.querySelectorAll("[data-picker]").forEach(enhancePicker);
    document.querySelectorAll("form").forEach((form) => { enhanceKinds(form); enhanceCampaign(form); });
    for (const button of document.querySelectorAll("[data-print]")) {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    }
    const summary = document.querySelector("[data-focus]");
    if (summary) summary.focus();
  });
})();
