// The dashboard's state is the page's query string: filters (sent to the API as they are) and view keys.
// Changing it pushes a history entry, so a view can be shared and back/forward work.

export const FILTER_KEYS = ["from", "to", "actor", "country", "sector", "dyad", "undirected", "cameo", "root",
  "quad", "plover", "text", "place", "min_confidence"];
export const VIEW_KEYS = ["period", "size", "event"];
const KEYS = new Set([...FILTER_KEYS, ...VIEW_KEYS]);

export function readState() {
  const p = new URLSearchParams(location.search);
  const filters = {};
  const view = {};
  for (const k of FILTER_KEYS) if (p.get(k)) filters[k] = p.get(k);
  for (const k of VIEW_KEYS) if (p.get(k)) view[k] = p.get(k);
  return { filters, view };
}

/** The filters as [key, value] pairs in a fixed order (also the cache key of a view). */
export function filterParams(filters) {
  return FILTER_KEYS.filter((k) => filters[k]).map((k) => [k, filters[k]]);
}

export const queryKey = (pairs) => new URLSearchParams(pairs).toString();

/** Change the state: {key: value} sets, {key: null or ""} removes. */
export function navigate(changes, { replace = false } = {}) {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (!KEYS.has(k)) continue;
    if (v === null || v === undefined || v === "") p.delete(k);
    else p.set(k, String(v));
  }
  const ordered = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (p.get(k)) ordered.set(k, p.get(k));
  const qs = ordered.toString();
  const url = location.pathname + (qs ? `?${qs}` : "");
  if (url === location.pathname + location.search) return;
  history[replace ? "replaceState" : "pushState"](null, "", url);
  window.dispatchEvent(new Event("ew:state"));
}
