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

/** Per time zone, date inputs already converted (deciders convert the same few dates again and again). */
const startCache = new Map<string, Map<string, number>>();

/** Epoch milliseconds at which a date input begins: a bare date is the start of that day in `timeZone`. */
export function startOfDateInput(value: string, timeZone: string): number {
  let zone = startCache.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    startCache.set(timeZone, zone);
  }
  const cached = zone.get(value);
  if (cached !== undefined) return cached;
  const m = BARE_DATE.exec(value);
  const ms = m
    ? new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), timeZone).getTime()
    : Date.parse(value);
  if (zone.size >= 100_000) zone.clear();
  zone.set(value, ms);
  return ms;
}

const instantTexts = new Map<number, string>();

/**
 * The ISO-8601 text (UTC, milliseconds: `toISOString`) of an instant given in epoch milliseconds; remembered,
 * since the acts of one meeting or day share their instant.
 */
export function instantText(epochMs: number): string {
  let text = instantTexts.get(epochMs);
  if (text === undefined) {
    text = new Date(epochMs).toISOString();
    if (instantTexts.size >= 10_000) instantTexts.clear();
    instantTexts.set(epochMs, text);
  }
  return text;
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
