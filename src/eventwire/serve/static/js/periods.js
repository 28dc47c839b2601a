// Calendar periods as DuckDB's date_trunc gives them (weeks start on Monday), on UTC dates "YYYY-MM-DD".

export const PERIODS = ["day", "week", "month", "quarter", "year"];

export const parseDay = (s) => new Date(`${String(s).slice(0, 10)}T00:00:00Z`);
export const iso = (d) => d.toISOString().slice(0, 10);

export function step(d, unit, n = 1) {
  const y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  switch (unit) {
    case "day": return new Date(Date.UTC(y, m, day + n));
    case "week": return new Date(Date.UTC(y, m, day + 7 * n));
    case "month": return new Date(Date.UTC(y, m + n, day));
    case "quarter": return new Date(Date.UTC(y, m + 3 * n, day));
    default: return new Date(Date.UTC(y + n, m, day));
  }
}

/** The last day of the period starting at d. */
export const periodEnd = (d, unit) => step(step(d, unit), "day", -1);

export function label(d, unit) {
  const y = d.getUTCFullYear();
  const mon = d.toLocaleString("en", { month: "short", timeZone: "UTC" });
  switch (unit) {
    case "day": case "week": return `${d.getUTCDate()} ${mon} ${y}`;
    case "month": return `${mon} ${y}`;
    case "quarter": return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`;
    default: return String(y);
  }
}

/** The number of months from a to b (both period starts), inclusive. */
export const monthSpan = (a, b) =>
  (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
