// Event locations on Natural Earth country outlines (world-atlas, drawn with d3-geo), circles sized by count.
// Data: GET places (one row per place). Clicking a circle filters by place, clicking a country by country.

import { getJSON, isAbort, Latest } from "./api.js";
import { plural, replace, s } from "./dom.js";
import { queryKey } from "./state.js";

let atlas = null;

async function loadAtlas() {
  if (!atlas) {
    atlas = (async () => {
      const [topo, ids] = await Promise.all([
        fetch(new URL("static/vendor/world-atlas/countries-110m.json", document.baseURI)).then((r) => r.json()),
        fetch(new URL("static/countries.json", document.baseURI)).then((r) => r.json()),
      ]);
      const countries = window.topojson.feature(topo, topo.objects.countries);
      for (const f of countries.features) f.properties.iso3 = ids[f.id] || null;
      return countries;
    })();
  }
  return atlas;
}

export function createMap(root, { onPlace, onCountry }) {
  const latest = new Latest();
  const chart = root.querySelector(".chart");
  const status = root.querySelector(".status");
  let last = null;
  let width = 0;

  new ResizeObserver(() => {
    if (last && chart.clientWidth !== width) draw();
  }).observe(chart);

  async function update(filters, params) {
    const key = queryKey(params);
    if (root.dataset.query === key && root.dataset.state === "ready") return;
    const signal = latest.next();
    root.dataset.state = "loading";
    root.setAttribute("aria-busy", "true");
    try {
      const [countries, data] = await Promise.all([loadAtlas(), getJSON("places", params, signal)]);
      if (signal.aborted) return;
      last = { countries, places: data.items || [], filters };
      draw();
      root.dataset.query = key;
      root.dataset.places = String(last.places.length);
      root.dataset.state = "ready";
    } catch (e) {
      if (isAbort(e)) return;
      root.dataset.state = "error";
      replace(status, `Map: ${e.message}`);
    } finally {
      if (!signal.aborted) root.setAttribute("aria-busy", "false");
    }
  }

  function draw() {
    const { countries, filters } = last;
    const places = last.places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
    width = chart.clientWidth || 600;
    const H = Math.round(Math.max(220, Math.min(420, width * 0.55)));
    const d3 = window.d3;
    const projection = d3.geoNaturalEarth1();
    if (places.length) {
      // fit the places, with a margin and at least ~40 x 25 degrees of map around them
      let [x0, x1, y0, y1] = [180, -180, 90, -90];
      for (const p of places) { x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon); y0 = Math.min(y0, p.lat); y1 = Math.max(y1, p.lat); }
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      const hw = Math.max(20, (x1 - x0) / 2 + 8), hh = Math.max(12, (y1 - y0) / 2 + 6);
      const box = { type: "MultiPoint", coordinates: [
        [Math.max(-180, cx - hw), Math.max(-85, cy - hh)], [Math.min(180, cx + hw), Math.min(85, cy + hh)],
        [Math.max(-180, cx - hw), Math.min(85, cy + hh)], [Math.min(180, cx + hw), Math.max(-85, cy - hh)]] };
      projection.fitExtent([[8, 8], [width - 8, H - 8]], box);
    } else {
      projection.fitExtent([[8, 8], [width - 8, H - 8]], { type: "Sphere" });
    }
    const path = d3.geoPath(projection);
    const svg = s("svg", { viewBox: `0 0 ${width} ${H}`, width, height: H, role: "img",
      "aria-label": `Map of ${plural(places.length, "event location")}` });
    svg.append(s("path", { class: "sphere", d: path({ type: "Sphere" }) }));
    svg.append(s("path", { class: "graticule", d: path(d3.geoGraticule10()) }));
    const land = s("g", { class: "countries" });
    for (const f of countries.features) {
      const iso3 = f.properties.iso3;
      const el = s("path", { class: ["country", iso3 && iso3 === filters.country && "selected"], d: path(f),
        "data-country": iso3 });
      el.append(s("title", {}, f.properties.name + (iso3 ? ` (${iso3})` : "")));
      if (iso3) el.addEventListener("click", () => onCountry(iso3));
      land.append(el);
    }
    svg.append(land);
    const max = Math.max(1, ...places.map((p) => Number(p.count) || 0));
    const rmax = Math.max(8, Math.min(26, width / 30));
    const dots = s("g", { class: "places" });
    for (const p of [...places].sort((a, b) => b.count - a.count)) {
      const xy = projection([p.lon, p.lat]);
      if (!xy || !Number.isFinite(xy[0])) continue;
      const r = Math.max(3, rmax * Math.sqrt((Number(p.count) || 0) / max));
      const name = p.name || p.country || "?";
      const c = s("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), tabindex: 0, role: "button",
        class: ["place", p.name && p.name === filters.place && "selected"], "data-place": p.name, "data-count": p.count,
        "aria-label": `${name}: ${plural(p.count, "event")}` });
      c.append(s("title", {}, `${name}${p.country ? ` (${p.country})` : ""}\n${plural(p.count, "event")}`));
      const pick = () => (p.name ? onPlace(p.name) : p.country && onCountry(p.country));
      c.addEventListener("click", pick);
      c.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      dots.append(c);
    }
    svg.append(dots);
    replace(status, places.length ? plural(places.length, "place") : "No located events.");
    replace(chart, svg);
  }

  return { update };
}
