import { InvalidArgumentError } from 'commander';

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function isRealDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** True for a bare local date `YYYY-MM-DD` (a calendar day in the committee's zone). */
export function isBareDate(value: string): boolean {
  return BARE_DATE.test(value);
}

/**
 * Parses an option value that must be an ISO-8601 instant with offset or a bare date `YYYY-MM-DD`; returns it
 * unchanged (a bare date is placed in a zone only once the committee is known). Commander turns the error into
 * a usage error.
 */
export function instantInput(value: string): string {
  const ok = isBareDate(value)
    ? isRealDate(value)
    : INSTANT.test(value) && isRealDate(value.slice(0, 10)) && Number.isFinite(Date.parse(value));
  if (!ok) {
    throw new InvalidArgumentError(
      `expected an ISO-8601 instant with offset (2020-01-31T18:00:00+08:00) or a date (2020-01-31) / 须为带时区的 ISO-8601 时刻或日期: ${value}`,
    );
  }
  return value;
}

/** An instant as ISO-8601 in UTC, as JSON outputs give it. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
