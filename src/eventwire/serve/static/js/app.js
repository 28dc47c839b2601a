// The dashboard: a filter bar whose state is the URL, and views that each ask the API for an aggregate or a
// page. Loaded as an ES module from index.html; d3-geo and topojson-client are loaded before it (vendor/).

import { getJSON, isAbort, Latest } from "./api.js";
import { ROOTS, QUADS } from "./cameo.js";
import { createCodeBox } from "./codebox.js";
import { debounce, fmtNum, h, replace } from "./dom.js";
import { createDyads } from "./dyads.js";
import { createEvidence } from "./evidence.js";
import { createMap } from "./map.js";
import { filterParams, FILTER_KEYS, navigate, readState } from "./state.js";
import { createTable } from "./table.js";
import { createTimeline, legend } from "./timeline.js";

const $ = (sel) => document.querySelector(sel);
const FORM_KEYS = ["from", "to", "actor", "country", "root", "quad", "text"];
const LABELS = { from: "from", to: "to", actor: "actor", country: "country", sector: "sector", dyad: "dyad",
  undirected: "undirected", cameo: "CAMEO", root: "root", quad: "quad", plover: "PLOVER", text: "text",
  place: "place", min_confidence: "min. confidence" };
const CODE = /^[A-Z]{3}([A-Z]{3})*$/;

const form = $("#filters");

function setupForm() {
  const root = form.elements.root;
  for (const [code, name] of Object.entries(ROOTS)) root.append(h("option", { value: code }, `${code} ${name}`));
  const quad = form.elements.quad;
  for (const [q, name] of Object.entries(QUADS)) quad.append(h("option", { value: q }, `${q} ${name}`));

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const changes = {};
    let bad = null;
    for (const k of FORM_KEYS) {
      let v = form.elements[k].value.trim();
      if (k === "actor" || k === "country") {
        v = v.toUpperCase().split(/\s/)[0] || "";
        if (v && !CODE.test(v)) bad = `${k} must be a code such as AZE or AZEGOV`;
        if (k === "country" && v.length > 3) v = v.slice(0, 3);
      }
      changes[k] = v;
    }
    if (changes.from && changes.to && changes.from > changes.to) bad = "'from' is after 'to'";
    replace($("#form-error"), bad || "");
    if (!bad) navigate(changes);
  });
  form.addEventListener("reset", (ev) => {
    ev.preventDefault();
    navigate(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  });
  // the selects apply at once
  for (const k of ["root", "quad"]) form.elements[k].addEventListener("change", () => form.requestSubmit());

  // autocomplete: actor codes (and, for country, their 3-letter countries) from GET actors?prefix=
  for (const [k, list] of [["actor", $("#actor-codes")], ["country", $("#country-codes")]]) {
    const latest = new Latest();
    const input = form.elements[k];
    input.addEventListener("input", debounce(async () => {
      const prefix = input.value.trim().toUpperCase().replace(/[^A-Z]/g, "");
      if (!prefix) { replace(list); return; }
      const signal = latest.next();
      try {
        const data = await getJSON("actors", [["prefix", prefix.slice(0, 18)], ["limit", "20"]], signal);
        const items = data.items || [];
        if (k === "actor") {
          replace(list, items.map((a) => h("option", { value: a.code }, `${a.name || a.code} · ${fmtNum(a.count)}`)));
        } else {
          const seen = new Map();
          for (const a of items) if (a.code && a.code.length >= 3 && a.code !== "---") {
            const c = a.code.slice(0, 3);
            seen.set(c, (seen.get(c) || 0) + (Number(a.count) || 0));
          }
          replace(list, [...seen].map(([c, n]) => h("option", { value: c }, `${c} · ${fmtNum(n)}`)));
        }
        input.dataset.suggestions = String(list.children.length);
      } catch (e) {
        if (!isAbort(e)) replace(list);
      }
    }, 150));
  }
}

function syncForm(filters) {
  for (const k of FORM_KEYS) form.elements[k].value = filters[k] || "";
}

function chips(filters) {
  const keys = FILTER_KEYS.filter((k) => filters[k]);
  replace($("#chips"),
    keys.map((k) => h("li", {}, h("button", { type: "button", class: "chip", title: `Remove the ${LABELS[k]} filter`,
      "data-key": k, onclick: () => navigate({ [k]: null }) },
    `${LABELS[k]}: `, k === "root" && ROOTS[filters[k]] ? `${filters[k]} ${ROOTS[filters[k]]}` :
      k === "quad" && QUADS[filters[k]] ? QUADS[filters[k]] : filters[k], h("span", { "aria-hidden": "true" }, " ×")))),
    keys.length > 1 ? h("li", {}, h("button", { type: "button", class: "chip clear", onclick: () => form.reset() }, "clear all")) : null);
}

async function health() {
  try {
    const hl = await getJSON("health");
    const n = hl.events ?? hl.counts?.events;
    const st = hl.stories ?? hl.counts?.stories;
    replace($("#health"), [n !== undefined ? `${fmtNum(n)} events` : null, st !== undefined ? `${fmtNum(st)} stories` : null,
      hl.version ? `eventwire ${hl.version}` : null].filter(Boolean).join(" · "));
  } catch {
    replace($("#health"), "");
  }
}

function main() {
  setupForm();
  $("#timeline .legend-slot").append(legend());
  const timeline = createTimeline($("#timeline"), {
    onSelect: (from, to) => navigate({ from, to }),
    onPeriod: (period) => navigate({ period }),
  });
  const map = createMap($("#map"), {
    onPlace: (place) => navigate({ place }),
    onCountry: (country) => navigate({ country }),
  });
  const dyads = createDyads($("#dyads"), { onDyad: (dyad) => navigate({ dyad }) });
  const table = createTable($("#events"), {
    onOpen: (event) => navigate({ event }),
    onSize: (size) => navigate({ size }),
  });
  const evidence = createEvidence($("#evidence"), { onClose: () => navigate({ event: null }) });
  createCodeBox($("#code"));

  function render() {
    const { filters, view } = readState();
    const params = filterParams(filters);
    syncForm(filters);
    chips(filters);
    timeline.update(filters, params, view.period);
    map.update(filters, params);
    dyads.update(filters, params);
    table.update(filters, params, view.event, view.size);
    evidence.update(view.event);
    document.body.dataset.rendered = location.search; // every view has started on this state
  }
  window.addEventListener("popstate", render);
  window.addEventListener("ew:state", render);
  render();
  health();
  document.body.dataset.ready = "true";
}

main();
