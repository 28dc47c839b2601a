// DOM helpers. Data never goes through innerHTML: text is always a Text node (textContent), attributes are
// set one by one, and a "style" attribute is refused (the page runs under CSP default-src 'self').

const SVG_NS = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "style" || k.toLowerCase().startsWith("on") && typeof v !== "function")
      throw new Error(`refusing attribute ${k}`);
    if (typeof v === "function") el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

/** Append children: strings/numbers become text nodes, arrays are flattened, null/false are skipped. */
export function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
  return el;
}

/** An HTML element: h("a", {href: "#", class: "x", onclick: fn}, "text", child, ...). */
export const h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
/** An SVG element. */
export const s = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function replace(el, ...children) {
  return append(clear(el), children);
}

/**
 * The text with spans marked: spans are {start, end, cls, label, text?} with offsets in the story and
 * `base` the offset of `text` in the story. A span whose offsets do not fit (or whose text does not match)
 * is looked up by its text instead; one that cannot be placed is left out. Overlapping spans give a mark
 * with every class of the spans covering it.
 */
export function highlight(text, base, spans) {
  text = text || "";
  const placed = [];
  for (const sp of spans) {
    if (!sp) continue;
    let a = Number.isInteger(sp.start) ? sp.start - (base || 0) : -1;
    let b = Number.isInteger(sp.end) ? sp.end - (base || 0) : -1;
    const ok = a >= 0 && b > a && b <= text.length && (!sp.text || text.slice(a, b) === sp.text);
    if (!ok) {
      if (!sp.text) continue;
      a = text.indexOf(sp.text);
      if (a < 0) continue;
      b = a + sp.text.length;
    }
    placed.push({ ...sp, a, b });
  }
  const cuts = [...new Set([0, text.length, ...placed.flatMap((p) => [p.a, p.b])])].sort((x, y) => x - y);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [x, y] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(x, y);
    const cover = placed.filter((p) => p.a <= x && p.b >= y);
    if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
    frag.appendChild(h("mark", {
      class: cover.map((p) => p.cls),
      title: cover.map((p) => p.label).filter(Boolean).join(" · ") || null,
      "data-role": cover.map((p) => p.role).filter(Boolean).join(" ") || null,
    }, piece));
  }
  return frag;
}

export function fmtNum(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return "–";
  return Number(n).toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "1 event", "2,345 events". */
export const plural = (n, word) => `${fmtNum(n)} ${word}${Number(n) === 1 ? "" : "s"}`;

export function fmtSigned(n, digits = 1) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return "–";
  const v = Number(n);
  return (v > 0 ? "+" : "") + v.toFixed(digits);
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); };
}
