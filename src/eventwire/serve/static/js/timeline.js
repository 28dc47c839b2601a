// Events per period stacked by quad class, with the mean Goldstein score as a line (right axis, -10..10).
// Data: GET aggregate?by=<period>,quad — one row per period and quad class, never the events themselves.
// Clicking a bar filters the dashboard to that period.

import { getJSON, isAbort, Latest } from "./api.js";
import { QUADS } from "./cameo.js";
import { fmtNum, fmtSigned, h, plural, replace, s } from "./dom.js";
import { iso, label, monthSpan, parseDay, PERIODS, periodEnd, step } from "./periods.js";
import { queryKey } from "./state.js";

const MAX_BARS = 400;
const COARSER = { day: "week", week: "month", month: "quarter", quarter: "year", year: "year" };

function rows(data, unit) {
  // {period -> {q1..q4, count, gsum}} from the aggregate items, periods filled in from first to last
  const by = new Map();
  for (const it of data.items || []) {
    const key = it[unit] ?? it.period;
    if (!key) continue;
    const p = iso(parseDay(key));
    const r = by.get(p) || { period: p, count: 0, gsum: 0, q: { 1: 0, 2: 0, 3: 0, 4: 0 } };
    const n = Number(it.count ?? it.events ?? 0);
    r.count += n;
    r.gsum += Number(it.goldstein_sum ?? (it.goldstein_mean ?? 0) * n);
    const q = Number(it.quad ?? it.quad_class);
    if (r.q[q] !== undefined) r.q[q] += n;
    by.set(p, r);
  }
  const keys = [...by.keys()].sort();
  if (!keys.length) return [];
  const out = [];
  for (let d = parseDay(keys[0]), last = parseDay(keys[keys.length - 1]); d <= last; d = step(d, unit)) {
    const p = iso(d);
    out.push(by.get(p) || { period: p, count: 0, gsum: 0, q: { 1: 0, 2: 0, 3: 0, 4: 0 } });
  }
  return out;
}

// calendar-aligned tick steps: every k-th month from January, every k-th year ...
const STEPS = { month: [1, 2, 3, 6, 12, 24, 60, 120], quarter: [1, 2, 4, 8, 20, 40], year: [1, 2, 5, 10, 20, 50, 100] };

/** The indexes of the periods to label: at most `fit` of them, on round calendar steps where possible. */
function tickIndexes(dates, unit, fit) {
  const ord = (d) => unit === "month" ? d.getUTCFullYear() * 12 + d.getUTCMonth()
    : unit === "quarter" ? d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) : d.getUTCFullYear();
  if (STEPS[unit]) {
    for (const k of STEPS[unit]) {
      const idx = dates.map((d, i) => (ord(d) % k === 0 ? i : -1)).filter((i) => i >= 0);
      if (idx.length <= fit) return idx.length ? idx : [0];
    }
  }
  const every = Math.max(1, Math.ceil(dates.length / fit));
  return dates.map((_, i) => i).filter((i) => i % every === 0);
}

export function createTimeline(root, { onSelect, onPeriod }) {
  const latest = new Latest();
  const chart = root.querySelector(".chart");
  const status = root.querySelector(".status");
  const select = root.querySelector("select[name=period]");
  select.addEventListener("change", () => onPeriod(select.value === "auto" ? null : select.value));
  let last = null; // {rows, unit, filters}
  let width = 0;

  new ResizeObserver(() => {
    if (last && chart.clientWidth !== width) draw();
  }).observe(chart);

  async function update(filters, params, period) {
    select.value = period || "auto";
    const key = queryKey(params) + "|" + (period || "auto");
    if (root.dataset.query === key && root.dataset.state === "ready") return;
    const signal = latest.next();
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    try {
      let unit = PERIODS.includes(period) ? period : "month";
      let data = await getJSON("aggregate", [["by", `${unit},quad`], ...params], signal);
      let r = rows(data, unit);
      if (!PERIODS.includes(period) && r.length) {
        // auto: days for up to 3 months, weeks up to 18 months, else months
        const span = monthSpan(parseDay(r[0].period), parseDay(r[r.length - 1].period));
        const finer = span <= 3 ? "day" : span <= 18 ? "week" : null;
        if (finer) {
          unit = finer;
          data = await getJSON("aggregate", [["by", `${unit},quad`], ...params], signal);
          r = rows(data, unit);
        }
      }
      while (r.length > MAX_BARS && unit !== "year") {
        unit = COARSER[unit];
        data = await getJSON("aggregate", [["by", `${unit},quad`], ...params], signal);
        r = rows(data, unit);
      }
      last = { rows: r, unit, filters };
      draw();
      root.dataset.query = key;
      root.dataset.unit = unit;
      root.dataset.total = String(r.reduce((a, x) => a + x.count, 0));
      root.dataset.periods = r.filter((x) => x.count).map((x) => x.period).join(" ");
      root.dataset.state = "ready";
    } catch (e) {
      if (isAbort(e)) return;
      root.dataset.state = "error";
      replace(status, `Timeline: ${e.message}`);
    } finally {
      if (!signal.aborted) root.setAttribute("aria-busy", "false");
    }
  }

  function draw() {
    const { rows: r, unit, filters } = last;
    width = chart.clientWidth || 800;
    const H = 220, m = { l: 44, r: 40, t: 10, b: 28 };
    const iw = Math.max(10, width - m.l - m.r), ih = H - m.t - m.b;
    const total = r.reduce((a, x) => a + x.count, 0);
    replace(status, r.length ? `${plural(total, "event")} by ${unit}` : "No events match these filters.");
    const svg = s("svg", { viewBox: `0 0 ${width} ${H}`, width, height: H, role: "img",
      "aria-label": `Events per ${unit}, stacked by quad class, with mean Goldstein` });
    if (!r.length) return replace(chart, svg);
    const max = Math.max(1, ...r.map((x) => x.count));
    const band = iw / r.length;
    const bw = Math.max(1, Math.min(60, band * 0.8));
    const y = (v) => m.t + ih - (v / max) * ih;
    const yg = (g) => m.t + ih / 2 - (g / 10) * (ih / 2);
    const x = (i) => m.l + i * band + band / 2;

    const axes = s("g", { class: "axes" });
    for (const v of [0, max / 2, max]) {
      const t = Math.round(v);
      axes.append(s("line", { x1: m.l, x2: m.l + iw, y1: y(t), y2: y(t), class: "grid" }),
        s("text", { x: m.l - 6, y: y(t) + 4, class: "tick", "text-anchor": "end" }, fmtNum(t)));
    }
    for (const g of [-10, 0, 10])
      axes.append(s("text", { x: m.l + iw + 6, y: yg(g) + 4, class: "tick gold" }, fmtSigned(g, 0)));
    const ticks = tickIndexes(r.map((row) => parseDay(row.period)), unit, Math.max(1, Math.floor(iw / 90)));
    for (const i of ticks)
      axes.append(s("text", { x: x(i), y: H - 8, class: "tick", "text-anchor": "middle" }, label(parseDay(r[i].period), unit)));
    axes.append(s("line", { x1: m.l, x2: m.l + iw, y1: yg(0), y2: yg(0), class: "zero" }));
    svg.append(axes);

    const bars = s("g", { class: "bars" });
    r.forEach((row, i) => {
      const start = parseDay(row.period), end = periodEnd(start, unit);
      const g = s("g", {
        class: "bar", tabindex: row.count ? 0 : null, role: row.count ? "button" : null,
        "data-period": row.period, "data-count": row.count,
        "aria-label": `${label(start, unit)}: ${plural(row.count, "event")}`,
      });
      g.append(s("title", {}, `${unit === "week" ? "week of " : ""}${label(start, unit)}\n${plural(row.count, "event")}` +
        (row.count ? `, mean Goldstein ${fmtSigned(row.gsum / row.count)}` : "") +
        [1, 2, 3, 4].map((q) => (row.q[q] ? `\n${QUADS[q]}: ${fmtNum(row.q[q])}` : "")).join("")));
      g.append(s("rect", { class: "hit", x: m.l + i * band, y: m.t, width: band, height: ih }));
      let acc = 0;
      for (const q of [1, 2, 3, 4]) {
        if (!row.q[q]) continue;
        g.append(s("rect", { class: `q${q}`, x: x(i) - bw / 2, width: bw, y: y(acc + row.q[q]), height: y(acc) - y(acc + row.q[q]) }));
        acc += row.q[q];
      }
      if (row.count) {
        const pick = () => {
          // keep an existing narrower date filter inside the period
          const from = filters.from && filters.from > iso(start) ? filters.from : iso(start);
          const to = filters.to && filters.to < iso(end) ? filters.to : iso(end);
          onSelect(from, to);
        };
        g.addEventListener("click", pick);
        g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      }
      bars.append(g);
    });
    svg.append(bars);

    // the mean is undefined for an empty period: the line breaks there
    const line = s("g", { class: "goldstein" });
    let run = [];
    const flush = () => { if (run.length > 1) line.append(s("polyline", { points: run.map((p) => p.join(",")).join(" ") })); run = []; };
    r.forEach((row, i) => {
      if (!row.count) { flush(); return; }
      const p = [x(i).toFixed(1), yg(row.gsum / row.count).toFixed(1)];
      run.push(p);
      line.append(s("circle", { cx: p[0], cy: p[1], r: 2.5 }));
    });
    flush();
    svg.append(line);
    replace(chart, svg);
  }

  return { update };
}

export function legend() {
  return h("ul", { class: "legend" },
    [1, 2, 3, 4].map((q) => h("li", {}, h("span", { class: `swatch q${q}` }), QUADS[q])),
    h("li", {}, h("span", { class: "swatch goldline" }), "mean Goldstein (right axis)"));
}
