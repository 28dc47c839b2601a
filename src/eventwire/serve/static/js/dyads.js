// The top dyads (source-target by country, else actor code) with counts and mean Goldstein.
// Data: GET aggregate?by=dyad&top=20. Clicking a dyad filters by it.

import { getJSON, isAbort, Latest } from "./api.js";
import { fmtNum, fmtSigned, h, replace, s } from "./dom.js";
import { queryKey } from "./state.js";

export function createDyads(root, { onDyad }) {
  const latest = new Latest();
  const body = root.querySelector("tbody");
  const status = root.querySelector(".status");

  async function update(filters, params) {
    const key = queryKey(params);
    if (root.dataset.query === key && root.dataset.state === "ready") return;
    const signal = latest.next();
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    try {
      const data = await getJSON("aggregate", [["by", "dyad"], ["top", "25"], ...params], signal);
      // a dyad needs both sides: "TUR----" (no target) is left out
      const items = (data.items || []).filter((it) => it.dyad && !String(it.dyad).includes("---"));
      const max = Math.max(1, ...items.map((it) => Number(it.count ?? it.events) || 0));
      replace(body, items.slice(0, 20).map((it) => {
        const n = Number(it.count ?? it.events) || 0;
        const mean = it.goldstein_mean ?? (n ? it.goldstein_sum / n : null);
        const gbar = s("svg", { viewBox: "0 0 100 10", width: 100, height: 10, class: "gbar", "aria-hidden": "true" },
          s("line", { x1: 50, x2: 50, y1: 0, y2: 10, class: "zero" }),
          mean === null ? null : s("rect", { class: mean >= 0 ? "coop" : "conflict", y: 1, height: 8,
            x: mean >= 0 ? 50 : 50 + (mean / 10) * 50, width: Math.abs(mean / 10) * 50 }));
        const cbar = s("svg", { viewBox: "0 0 100 10", width: 60, height: 10, class: "cbar", "aria-hidden": "true",
          preserveAspectRatio: "none" }, s("rect", { x: 0, y: 1, height: 8, width: (n / max) * 100 }));
        const dyad = String(it.dyad);
        return h("tr", { class: dyad === filters.dyad ? "selected" : null },
          h("td", {}, h("button", { type: "button", class: "link", title: `Filter by ${dyad}`,
            onclick: () => onDyad(dyad) }, dyad)),
          h("td", { class: "num" }, fmtNum(n), " ", cbar),
          h("td", { class: "num" }, fmtSigned(mean), " ", gbar));
      }));
      replace(status, items.length ? "" : "No dyads.");
      root.dataset.query = key;
      root.dataset.state = "ready";
    } catch (e) {
      if (isAbort(e)) return;
      root.dataset.state = "error";
      replace(status, `Dyads: ${e.message}`);
    } finally {
      if (!signal.aborted) root.setAttribute("aria-busy", "false");
    }
  }
  return { update };
}
