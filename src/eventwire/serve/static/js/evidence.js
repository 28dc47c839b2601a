// One event: the sentence with the trigger, source and target highlighted, the rule and modality, every
// mention across stories, and the explain trace. Data: GET events/{id} and events/{id}/explain.

import { getJSON, isAbort, Latest } from "./api.js";
import { QUADS } from "./cameo.js";
import { fmtSigned, h, highlight, replace } from "./dom.js";
import { actorCell, placeText } from "./table.js";

/**
 * The sentence of a record or mention, with its trigger, source and target marked: from the API's
 * sentence-relative `evidence.spans` when given, else from the story offsets (less `evidence.start`).
 */
export function marked(rec) {
  const ev = rec.evidence || {};
  const rel = ev.spans || null;
  const spans = [];
  const add = (role, story, text, label) => {
    const r = rel && rel[role];
    if (r) spans.push({ start: r.start, end: r.end, text, cls: `hl-${role}`, role, label });
    else if (story && (Number.isInteger(story.start) || text))
      spans.push({ start: Number.isInteger(story.start) ? story.start - (ev.start || 0) : undefined,
        end: Number.isInteger(story.end) ? story.end - (ev.start || 0) : undefined, text, cls: `hl-${role}`, role, label });
  };
  for (const role of ["source", "target"]) {
    const a = rec[role];
    if (a) add(role, a, a.text, `${role} ${a.code || ""}`.trim());
  }
  if (ev.trigger) add("trigger", ev.trigger, ev.trigger.text, `trigger (${rec.cameo || "event"})`);
  return highlight(ev.text || rec.evidence_text || "", 0, spans);
}

function dl(pairs) {
  return h("dl", { class: "facts" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

/** The explain trace: lines as `eventwire explain` prints them (objects, if any, as JSON). */
function trace(lines) {
  const text = (lines || []).filter((t) => t !== null && t !== undefined)
    .map((t) => (typeof t === "string" ? t : JSON.stringify(t, null, 2))).join("\n");
  return h("pre", { class: "trace" }, text || "(no trace)");
}

export function createEvidence(root, { onClose }) {
  const latest = new Latest();
  const body = root.querySelector(".body");
  root.querySelector("button.close").addEventListener("click", onClose);
  let shown = null;

  async function update(eventId) {
    if (!eventId) {
      latest.next();
      shown = null;
      root.hidden = true;
      root.dataset.state = "closed";
      return;
    }
    root.hidden = false;
    if (eventId === shown && root.dataset.state === "ready") return;
    shown = eventId;
    const signal = latest.next();
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    const id = encodeURIComponent(eventId);
    try {
      const [ev, explain] = await Promise.all([
        getJSON(`events/${id}`, null, signal),
        getJSON(`events/${id}/explain`, null, signal).catch((e) => (isAbort(e) ? Promise.reject(e) : { error: e })),
      ]);
      render(ev, explain);
      root.dataset.event = eventId;
      root.dataset.state = "ready";
    } catch (e) {
      if (isAbort(e)) return;
      root.dataset.state = "error";
      replace(body, h("p", { class: "error", role: "alert" }, `Event ${eventId}: ${e.message}`));
    } finally {
      if (!signal.aborted) root.setAttribute("aria-busy", "false");
    }
  }

  function render(ev, explain) {
    const mentions = ev.mentions || [];
    const main = ev.evidence && ev.evidence.text ? ev : mentions[0] || ev;
    const plover = ev.plover && typeof ev.plover === "object" ? ev.plover.event : ev.plover;
    replace(body,
      h("h3", {}, h("code", { class: `q${ev.quad_class}` }, ev.cameo || "?"), " ", ev.cameo_name || ""),
      h("p", { class: "sentence evidence-main" }, marked({ ...main, cameo: ev.cameo })),
      h("p", { class: "keys" }, h("mark", { class: "hl-source" }, "source"), " ", h("mark", { class: "hl-trigger" }, "trigger"),
        " ", h("mark", { class: "hl-target" }, "target")),
      dl([
        ["date", ev.date], ["source", actorCell(ev.source)], ["target", actorCell(ev.target)],
        ["quad class", ev.quad_class ? `${ev.quad_class} · ${QUADS[ev.quad_class] || ""}` : null],
        ["Goldstein", fmtSigned(ev.goldstein)], ["PLOVER", plover], ["place", placeText(ev.location)],
        ["confidence", ev.confidence === null || ev.confidence === undefined ? null : Number(ev.confidence).toFixed(2)],
        ["rule", main.rule ?? ev.rule ? h("code", {}, main.rule ?? ev.rule) : null],
        ["modality", main.modality ?? ev.modality], ["event id", h("code", {}, ev.event_id)],
      ]),
      h("h4", {}, `Mentions (${mentions.length || ev.mention_count || 1})`),
      h("ol", { class: "mentions" }, mentions.map((m) => h("li", { class: "mention" },
        h("p", { class: "sentence" }, marked({ ...m, cameo: m.cameo || ev.cameo })),
        h("p", { class: "meta" },
          "story ", h("code", {}, m.story_id ?? "?"), ` · sentence ${m.sentence_index ?? "?"}`,
          m.date ? ` · ${m.date}` : "", " · rule ", h("code", {}, m.rule || "?"),
          ` · ${m.modality || "?"} · confidence ${m.confidence === null || m.confidence === undefined ? "–" : Number(m.confidence).toFixed(2)}`)))),
      h("h4", {}, "Explain"),
      explain && explain.error
        ? h("p", { class: "error" }, `explain: ${explain.error.message}`)
        : h("div", { class: "explain" },
          explain && explain.sentence ? h("p", { class: "sentence" }, explain.sentence) : null,
          trace(explain && explain.trace)));
  }

  return { update };
}
