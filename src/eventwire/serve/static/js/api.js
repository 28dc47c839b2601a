// The JSON API, relative to the page (the dashboard is served at the app's root, the API under api/v1/).

export class ApiError extends Error {
  constructor(status, body) {
    const e = body && body.error;
    super(e ? `${e.message || e.code}${e.detail ? ` (${typeof e.detail === "string" ? e.detail : JSON.stringify(e.detail)})` : ""}` : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export function apiURL(path, params) {
  const url = new URL(`api/v1/${path}`, document.baseURI);
  if (params) for (const [k, v] of params) url.searchParams.append(k, v);
  return url;
}

async function parse(resp) {
  let body = null;
  try { body = await resp.json(); } catch { body = null; }
  if (!resp.ok) throw new ApiError(resp.status, body);
  return body;
}

export async function getJSON(path, params, signal) {
  return parse(await fetch(apiURL(path, params), { signal, headers: { Accept: "application/json" } }));
}

export async function postJSON(path, data, signal) {
  return parse(await fetch(apiURL(path), {
    method: "POST", signal, body: JSON.stringify(data),
    headers: { "Content-Type": "application/json", Accept: "application/json" },
  }));
}

/** One request at a time per view: starting a new one aborts the previous one. */
export class Latest {
  constructor() { this.ctl = null; }
  next() {
    if (this.ctl) this.ctl.abort();
    this.ctl = new AbortController();
    return this.ctl.signal;
  }
}

export const isAbort = (e) => e && e.name === "AbortError";
