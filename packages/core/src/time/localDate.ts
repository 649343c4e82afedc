import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/** The time zone of a committee when none is given. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date on the wire: a bare local date `YYYY-MM-DD` (in the committee's zone) or an ISO-8601 instant with offset. */
export const DateInput = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export type DateInput = z.infer<typeof DateInput>;

/** An ISO-8601 instant with offset (or `Z`). */
export const Instant = z.iso.datetime({ offset: true });

const startCache = new Map<string, number>();

/** Epoch milliseconds at which a date input begins: a bare date is the start of that day in `timeZone`. */
export function startOfDateInput(value: string, timeZone: string): number {
  const m = BARE_DATE.exec(value);
  if (!m) return Date.parse(value);
  const key = `${timeZone}|${value}`;
  const cached = startCache.get(key);
  if (cached !== undefined) return cached;
  const ms = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), timeZone).getTime();
  if (startCache.size > 100_000) startCache.clear();
  startCache.set(key, ms);
  return ms;
}

/** Epoch milliseconds at which a date input ends: a bare date is the last millisecond of that day in `timeZone`. */
export function endOfDateInput(value: string, timeZone: string): number {
  const m = BARE_DATE.exec(value);
  if (!m) return Date.parse(value);
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1))
    .toISOString()
    .slice(0, 10);
  return startOfDateInput(next, timeZone) - 1;
}

/** The calendar year, in `timeZone`, of an instant given in epoch milliseconds. */
export function localYear(epochMs: number, timeZone: string): number {
  return new TZDate(epochMs, timeZone).getFullYear();
}

/** The local date `YYYY-MM-DD`, in `timeZone`, of an instant given in epoch milliseconds. */
export function localDate(epochMs: number, timeZone: string): string {
  const d = new TZDate(epochMs, timeZone);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${mm}-${dd}`;
}

const yearStarts = new Map<string, number>();

/** Epoch milliseconds of the first instant of a calendar year in `timeZone`. */
export function startOfLocalYear(year: number, timeZone: string): number {
  const key = `${timeZone}|${year}`;
  let ms = yearStarts.get(key);
  if (ms === undefined) {
    ms = new TZDate(year, 0, 1, timeZone).getTime();
    if (yearStarts.size < 10_000) yearStarts.set(key, ms);
  }
  return ms;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
