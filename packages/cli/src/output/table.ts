import stringWidth from 'string-width';

/** Pads text to a display width (CJK characters take two columns). */
export function padEnd(text: string, width: number): string {
  const w = stringWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** Pads text on the left to a display width. */
export function padStart(text: string, width: number): string {
  const w = stringWidth(text);
  return w >= width ? text : ' '.repeat(width - w) + text;
}

/**
 * Formats rows as aligned columns for people. `widths` carries column widths between pages of one table, so
 * that a long table printed page by page keeps its columns aligned (they only ever widen).
 */
export function formatRows(
  rows: readonly (readonly string[])[],
  widths: number[],
  alignRight: ReadonlySet<number> = new Set(),
): string {
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const last = i === row.length - 1;
          if (alignRight.has(i)) return padStart(cell, widths[i]!);
          return last ? cell : padEnd(cell, widths[i]!);
        })
        .join('  '),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A value as short text: JSON, cut to `max` characters. */
export function shortValue(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
