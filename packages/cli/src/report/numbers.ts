/**
 * How a number is shown: a count (1,674), an average with one decimal (11.5), a quantile (14, 13.25) or a
 * percentage with one decimal (94.5%).
 */
export type NumberFormat = 'count' | 'decimal' | 'quantile' | 'percent';

/** A number as the report shows it; null as a dash. */
export function formatNumber(value: number | null, format: NumberFormat = 'count'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'decimal') return value.toFixed(1);
  if (format === 'quantile') return String(Math.round(value * 100) / 100);
  const text = String(Math.round(value));
  return text.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Where a shown number comes from, as attributes a test (or a reader's script) can check: `data-key` is a
 * dotted path into the embedded JSON named by `data-source` (`analysis`, or `report` for the histogram).
 */
export interface NumberSource {
  readonly key: string;
  readonly source?: 'analysis' | 'report';
  readonly format?: NumberFormat;
}

/** The attributes of an element showing a number of the embedded JSON. */
export function sourceAttributes(s: NumberSource | undefined): string {
  if (!s) return '';
  const source = s.source && s.source !== 'analysis' ? ` data-source="${s.source}"` : '';
  return ` data-key="${escapeXml(s.key)}" data-format="${s.format ?? 'count'}"${source}`;
}
