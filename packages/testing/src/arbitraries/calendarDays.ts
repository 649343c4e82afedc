const DAY_MS = 86_400_000;

/** The day number (days since 1970-01-01) of a bare date `YYYY-MM-DD`. */
export function dayOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The bare date `YYYY-MM-DD` of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The instant at which a day number begins in UTC, as ISO-8601. */
export function utcMidnightOf(day: number): string {
  return new Date(day * DAY_MS).toISOString();
}
