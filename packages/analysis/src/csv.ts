import type { AnnualAnalysis, RollUpAnalysis } from './analysisTypes.ts';

/** How the items of a list of objects are named in a metric path, and which field that name already shows. */
const ITEM_KEYS: Readonly<
  Record<string, { readonly field?: string; readonly key: (item: Record<string, unknown>) => string }>
> = {
  'plenary.byMeeting': { field: 'meetingId', key: (i) => String(i.meetingId) },
  bySector: { field: 'sector', key: (i) => String(i.sector) },
  bySpecialCommittee: { field: 'specialCommittee', key: (i) => String(i.specialCommittee) },
  committees: { field: 'committeeId', key: (i) => String(i.committeeId) },
  longLeave: { key: (i) => `${String(i.memberId)}@${String(i.from)}` },
};

/** Flattens JSON into `[path, value]` rows; lists of plain values become one `;`-separated value. */
function flatten(value: unknown, path: string, rows: [string, string | number | null][]): void {
  if (value === null || typeof value !== 'object') {
    rows.push([
      path,
      typeof value === 'number' || typeof value === 'string' ? value : value === null ? null : String(value),
    ]);
    return;
  }
  if (Array.isArray(value)) {
    const naming = ITEM_KEYS[path];
    if (!naming) {
      rows.push([path, value.map(String).join(';')]);
      return;
    }
    for (const item of value as Record<string, unknown>[]) {
      const prefix = `${path}.${naming.key(item)}`;
      for (const [k, v] of Object.entries(item)) if (k !== naming.field) flatten(v, `${prefix}.${k}`, rows);
    }
    return;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, path === '' ? k : `${path}.${k}`, rows);
}

/** One CSV field (quoted as RFC 4180 says; lines end in LF), with text that a spreadsheet would run as a formula prefixed by `'`. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Renders an analysis as flat CSV rows `metric,value` under a header, one row per figure of the JSON, with
 * dotted metric paths (`plenary.turnout`, `bySector.<sector>.members`); ratios keep every decimal, null is an
 * empty cell, and lists of ids are joined with `;`.
 * @example analysisToCsv(a).split('\n')[1] // 'year,2019'
 */
export function analysisToCsv(a: AnnualAnalysis | RollUpAnalysis): string {
  const rows: [string, string | number | null][] = [];
  flatten(a, '', rows);
  return `${['metric,value', ...rows.map(([m, v]) => `${field(m)},${field(v)}`)].join('\n')}\n`;
}
