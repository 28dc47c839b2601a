// "Code a text": POST code with the text, then the text with each event's trigger, source and target
// highlighted, and the list of events. Nothing is stored.

import { isAbort, Latest, postJSON } from "./api.js";
import { fmtSigned, h, highlight, replace } from "./dom.js";
import { actorCell, placeText } from "./table.js";

export function createCodeBox(root) {
  const latest = new Latest();
  const form = root.querySelector("form");
  const out = root.querySelector(".result");
  const button = form.querySelector("button[type=submit]");

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = form.elements.text.value;
    const date = form.elements.date.value;
    if (!text.trim()) { replace(out, h("p", { class: "status" }, "Type or paste a text first.")); return; }
    const signal = latest.next();
    root.dataset.state = "loading";
    button.disabled = true;
    replace(out, h("p", { class: "status" }, "Coding…"));
    try {
      const body = { text };
      if (date) body.date = date;
      const data = await postJSON("code", body, signal);
      render(text, data);
      root.dataset.state = "ready";
    } catch (e) {
      if (isAbort(e)) return;
      root.dataset.state = "error";
      replace(out, h("p", { class: "error", role: "alert" }, `Coding failed: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  });

  function render(text, data) {
    const events = data.events || [];
    const rejects = data.rejects || [];
    // the stories as ingest read them: every offset of the events is into their text
    const stories = data.stories && data.stories.length ? data.stories : [{ id: null, text }];
    const texts = stories.map((st) => {
      const mine = stories.length === 1 ? events : events.filter((e) => e.story_id === st.id);
      const spans = [];
      for (const e of mine) {
        const tr = e.evidence && e.evidence.trigger;
        if (tr) spans.push({ ...tr, cls: "hl-trigger", role: "trigger", label: `${e.cameo} ${e.cameo_name || ""}` });
        for (const role of ["source", "target"]) {
          const a = e[role];
          if (a && Number.isInteger(a.start)) spans.push({ start: a.start, end: a.end, text: a.text, cls: `hl-${role}`, role, label: `${role} ${a.code || ""}` });
        }
      }
      return h("p", { class: "sentence coded-text" }, highlight(st.text || "", 0, spans));
    });
    replace(out,
      h("p", { class: "status" }, `${events.length} event${events.length === 1 ? "" : "s"}` +
        (rejects.length ? `, ${rejects.length} rejected` : "")),
      texts,
      events.length ? h("table", { class: "events" },
        h("thead", {}, h("tr", {}, ["date", "source", "target", "CAMEO", "Goldstein", "place", "trigger"].map((c) => h("th", {}, c)))),
        h("tbody", {}, events.map((e) => h("tr", { class: "code-event", "data-cameo": e.cameo },
          h("td", {}, e.date || "–"), h("td", {}, actorCell(e.source)), h("td", {}, actorCell(e.target)),
          h("td", { class: "cameo" }, h("code", { class: `q${e.quad_class}` }, e.cameo || "?"), " ", e.cameo_name || ""),
          h("td", { class: "num" }, fmtSigned(e.goldstein)), h("td", {}, placeText(e.location)),
          h("td", {}, (e.evidence && e.evidence.trigger && e.evidence.trigger.text) || ""))))) : null,
      rejects.length ? h("ul", { class: "rejects" }, rejects.map((r) =>
        h("li", {}, typeof r === "string" ? r : `${r.code || ""} ${r.reason || r.message || JSON.stringify(r)}`.trim()))) : null);
  }
}
