import {
  escapeXml,
  formatNumber,
  type NumberFormat,
  type NumberSource,
  sourceAttributes,
} from './numbers.ts';

/** A table cell: text, or a number with the JSON path it comes from. */
export type Cell =
  | string
  | { readonly value: number | null; readonly format?: NumberFormat; readonly source?: NumberSource };

/** A number of the analysis at a dotted path, as a cell. */
export function num(value: number | null, key?: string, format: NumberFormat = 'count'): Cell {
  return key === undefined ? { value, format } : { value, format, source: { key, format } };
}

function cellHtml(cell: Cell, tag: 'td' | 'th'): string {
  if (typeof cell === 'string') return `<${tag}>${escapeXml(cell)}</${tag}>`;
  const attrs = sourceAttributes(cell.source && { ...cell.source, format: cell.format ?? 'count' });
  return `<${tag} class="num"${attrs}>${escapeXml(formatNumber(cell.value, cell.format))}</${tag}>`;
}

/** An HTML table; columns whose first body cell is a number are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const numeric = (rows[0] ?? []).map((c) => typeof c !== 'string');
  const head = headers.map((h, i) => `<th${numeric[i] ? ' class="num"' : ''}>${escapeXml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A headline figure: its name and its value. */
export function card(
  name: string,
  value: number | null,
  key: string,
  format: NumberFormat = 'count',
): string {
  return (
    `<div class="card"><div class="k">${escapeXml(name)}</div>` +
    `<div class="v"${sourceAttributes({ key, format })}>${escapeXml(formatNumber(value, format))}</div></div>`
  );
}

/** A section with a heading (and an optional headline figure beside it). */
export function section(id: string, heading: string, body: string, figure = '', long = false): string {
  const h = `<h2>${escapeXml(heading)}${figure}</h2>`;
  return `<section id="${id}"${long ? ' class="long"' : ''}>${h}${body}</section>`;
}

/** A figure holding a chart and its caption. */
export function figure(svg: string, caption?: string): string {
  return `<figure>${svg}${caption ? `<figcaption>${escapeXml(caption)}</figcaption>` : ''}</figure>`;
}

/** A paragraph of explanatory text. */
export function note(text: string): string {
  return `<p class="note">${escapeXml(text)}</p>`;
}

/** JSON for a `<script type="application/json">`, safe against `</script>` inside strings. */
export function scriptJson(id: string, value: unknown): string {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${id}">${json}</script>`;
}
