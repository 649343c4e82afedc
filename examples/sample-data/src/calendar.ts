/** `YYYY-MM-DD` of a UTC date. */
function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A date `n` days after a bare date. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** A bare date from parts. */
export function ymd(y: number, m: number, d: number): string {
  return iso(new Date(Date.UTC(y, m - 1, d)));
}

/** When the office records something that happened on `date`: `lag` days later, at a local office hour. */
export function recordedOn(date: string, lag: number, minute = 0): string {
  const hh = String(9 + (Math.floor(minute / 60) % 9)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${addDays(date, lag)}T${hh}:${mm}:00+08:00`;
}
