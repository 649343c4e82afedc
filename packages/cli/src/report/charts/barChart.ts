import { formatNumber, type NumberFormat, type NumberSource, sourceAttributes } from '../numbers.ts';
import { rect, svgChart, text, textWidth } from './svg.ts';

/** One bar: a label, a value, how it is shown, and where the value comes from. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly format?: NumberFormat;
  readonly source?: NumberSource;
  /** A colour class (`tone-present`, `tone-excused`, …); default `tone-main`. */
  readonly tone?: string;
  /** Text after the value, e.g. the share of a total. */
  readonly note?: string;
}

/** Options of a horizontal bar chart. */
export interface BarChartOptions {
  readonly chart: string;
  readonly title: string;
  readonly bars: readonly Bar[];
  /** The value of a full-length bar (default: the largest value). */
  readonly max?: number;
  readonly width?: number;
}

const ROW = 26;
const BAR = 17;

/** A horizontal bar chart with the label before each bar and its value after it. */
export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 760;
  const labelWidth = Math.min(300, Math.max(60, ...options.bars.map((b) => textWidth(b.label))) + 12);
  const valueWidth = Math.max(
    60,
    ...options.bars.map(
      (b) => textWidth(`${formatNumber(b.value, b.format)}${b.note ? ` ${b.note}` : ''}`) + 12,
    ),
  );
  const plot = width - labelWidth - valueWidth;
  const max = options.max ?? Math.max(0, ...options.bars.map((b) => b.value ?? 0));
  const parts: string[] = [];
  options.bars.forEach((b, i) => {
    const y = 6 + i * ROW;
    const length = max > 0 && b.value !== null ? (b.value / max) * plot : 0;
    parts.push(text(labelWidth - 8, y + BAR - 4, b.label, { anchor: 'end', cls: 'label' }));
    parts.push(rect(labelWidth, y, Math.max(b.value ? 2 : 0, length), BAR, `bar ${b.tone ?? 'tone-main'}`));
    const valueX = labelWidth + Math.max(b.value ? 2 : 0, length) + 6;
    parts.push(
      text(valueX, y + BAR - 4, formatNumber(b.value, b.format), {
        cls: 'value',
        attrs: sourceAttributes(b.source && { ...b.source, format: b.format ?? 'count' }),
      }),
    );
    if (b.note) {
      const noteX = valueX + textWidth(formatNumber(b.value, b.format)) + 6;
      parts.push(text(noteX, y + BAR - 4, b.note, { cls: 'note' }));
    }
  });
  return svgChart(options.chart, options.title, width, options.bars.length * ROW + 10, parts.join(''));
}
