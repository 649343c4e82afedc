import { startOfDateInput } from '@lvzhi/core';

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The pattern Popolo puts on event and membership dates: a date, or a date-time without fractions. */
const POPOLO_DATE =
  /^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as UTC ISO-8601 without milliseconds. */
const utcSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A date input (bare local date or instant) for Popolo's pattern-checked date fields (`start_date`,
 * `end_date`): a bare date stays as it is; an instant keeps its offset unless it has fractions of a second.
 */
export function popoloDate(value: string): string {
  return POPOLO_DATE.test(value) ? value : utcSeconds(Date.parse(value));
}

/**
 * A date input for Popolo's `date-time` fields (a speech's or a motion's `date`): a bare date becomes the
 * start of that day in the committee's zone, written with the zone's offset (`2019-01-14T00:00:00+08:00`).
 */
export function popoloDateTime(value: string, timeZone: string): string {
  const m = BARE_DATE.exec(value);
  if (!m) return RFC3339.test(value) ? value : utcSeconds(Date.parse(value));
  const offsetMinutes =
    (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - startOfDateInput(value, timeZone)) / 60_000;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${value}T00:00:00${sign}${hh}:${mm}`;
}
