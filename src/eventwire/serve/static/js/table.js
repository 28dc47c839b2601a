// The events, a page at a time (GET events?limit=25&cursor=...): never more than one page in the browser.

import { getJSON, isAbort, Latest } from "./api.js";
import { fmtNum, h, replace } from "./dom.js";
import { queryKey } from "./state.js";

export const PAGE_SIZES = [5, 10, 25, 50, 100];
const DEFAULT_SIZE = 25;

export function actorCell(a) {
  if (!a || (!a.code && !a.name && !a.text)) return h("span", { class: "none" }, "–");
  return h("span", { class: "actor", title: [a.name, a.text].filter(Boolean).join(" · ") || null },
    h("code", {}, a.code || "?"), a.name ? h("span", { class: "name" }, a.name) : null);
}

export function placeText(loc) {
  if (!loc || (!loc.name && !loc.country)) return "";
  return loc.name ? `${loc.name}${loc.country ? ` (${loc.country})` : ""}` : loc.country;
}

export function createTable(root, { onOpen, onSize }) {
  const latest = new Latest();
  const body = root.querySelector("tbody");
  const status = root.querySelector(".status");
  const prev = root.querySelector("button.prev");
  const next = root.querySelector("button.next");
  const sizeSelect = root.querySelector("select[name=size]");
  for (const n of PAGE_SIZES) sizeSelect.append(h("option", { value: n }, String(n)));
  sizeSelect.addEventListener("change", () => onSize(Number(sizeSelect.value) === DEFAULT_SIZE ? null : sizeSelect.value));
  let size = DEFAULT_SIZE;
  let key = null;
  let cursors = [null]; // cursor of each page seen so far; the last one is the page shown
  let nextCursor = null;
  let selected = null;

  prev.addEventListener("click", () => { if (cursors.length > 1) { cursors.pop(); load(); } });
  next.addEventListener("click", () => { if (nextCursor) { cursors.push(nextCursor); load(); } });

  function update(filters, p, eventId, pageSize) {
    selected = eventId || null;
    for (const tr of body.querySelectorAll("tr"))
      tr.classList.toggle("selected", tr.dataset.eventId === selected);
    size = PAGE_SIZES.includes(Number(pageSize)) ? Number(pageSize) : DEFAULT_SIZE;
    sizeSelect.value = String(size);
    const k = queryKey([...p, ["limit", String(size)]]);
    if (k === key) return;
    key = k;
    cursors = [null];
    load();
  }

  async function load() {
    const signal = latest.next();
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    prev.disabled = next.disabled = true;
    const cursor = cursors[cursors.length - 1];
    try {
      const q = new URLSearchParams(key);
      if (cursor) q.append("cursor", cursor);
      const data = await getJSON("events", q, signal);
      const items = data.items || [];
      nextCursor = data.next || null;
      replace(body, items.map(row));
      const first = (cursors.length - 1) * size;
      replace(status, items.length ? `Events ${fmtNum(first + 1)}–${fmtNum(first + items.length)}${nextCursor ? "" : " (end)"}`
        : "No events match these filters.");
      prev.disabled = cursors.length <= 1;
      next.disabled = !nextCursor;
      root.dataset.query = key;
      root.dataset.rows = String(items.length);
      root.dataset.page = String(cursors.length);
      root.dataset.state = "ready";
    } catch (e) {
      if (isAbort(e)) return;
      root.dataset.state = "error";
      replace(status, `Events: ${e.message}`);
      prev.disabled = cursors.length <= 1;
    } finally {
      if (!signal.aborted) root.setAttribute("aria-busy", "false");
    }
  }

  function row(e) {
    const open = () => onOpen(e.event_id);
    return h("tr", {
      tabindex: 0, class: e.event_id === selected ? "selected" : null, "data-event-id": e.event_id,
      onclick: open, onkeydown: (ev) => { if (ev.key === "Enter") { ev.preventDefault(); open(); } },
    },
    h("td", { class: "date" }, e.date || "–"),
    h("td", {}, actorCell(e.source)),
    h("td", {}, actorCell(e.target)),
    h("td", { class: "cameo" }, h("code", { class: `q${e.quad_class}` }, e.cameo || "?"), " ", e.cameo_name || ""),
    h("td", {}, placeText(e.location)),
    h("td", { class: "num" }, e.confidence === null || e.confidence === undefined ? "–" : Number(e.confidence).toFixed(2)),
    h("td", { class: "num" }, fmtNum(e.mention_count ?? e.mentions ?? 1)));
  }

  return { update };
}
