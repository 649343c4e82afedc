import { formatNumber, sourceAttributes } from '../numbers.ts';
import type { Bar } from './barChart.ts';
import { rect, round, svgChart, text, textWidth } from './svg.ts';

/** Options of a funnel: the stages, widest first, and the outflows shown beneath them. */
export interface FunnelOptions {
  readonly chart: string;
  readonly title: string;
  readonly stages: readonly Bar[];
  readonly outflowTitle: string;
  readonly outflows: readonly Bar[];
  readonly width?: number;
}

const ROW = 30;
const BAR = 20;

/**
 * A funnel: each stage a bar centred on one axis with its width proportional to its value, joined to the
 * next by a band, and the outflows (what left the funnel) as bars on the same scale beneath.
 */
export function funnelChart(options: FunnelOptions): string {
  const width = options.width ?? 760;
  const rows = [...options.stages, ...options.outflows];
  const labelWidth = Math.min(300, Math.max(60, ...rows.map((b) => textWidth(b.label))) + 12);
  const valueWidth = Math.max(
    80,
    ...rows.map((b) => textWidth(`${formatNumber(b.value, b.format)} ${b.note ?? ''}`) + 12),
  );
  const plot = width - labelWidth - valueWidth;
  const centre = labelWidth + plot / 2;
  const max = Math.max(1, ...rows.map((b) => b.value ?? 0));
  const extent = (b: Bar) => Math.max(3, ((b.value ?? 0) / max) * plot);
  const parts: string[] = [];
  const row = (b: Bar, y: number, tone: string) => {
    const w = extent(b);
    parts.push(text(labelWidth - 8, y + BAR - 5, b.label, { anchor: 'end', cls: 'label' }));
    parts.push(rect(centre - w / 2, y, w, BAR, `bar ${b.tone ?? tone}`));
    const valueX = labelWidth + plot + 6;
    parts.push(
      text(valueX, y + BAR - 5, formatNumber(b.value, b.format), {
        cls: 'value',
        attrs: sourceAttributes(b.source && { ...b.source, format: b.format ?? 'count' }),
      }),
    );
    if (b.note)
      parts.push(
        text(valueX + textWidth(formatNumber(b.value, b.format)) + 6, y + BAR - 5, b.note, { cls: 'note' }),
      );
  };
  options.stages.forEach((b, i) => {
    const y = 6 + i * ROW;
    const next = options.stages[i + 1];
    if (next) {
      const [w0, w1] = [extent(b), extent(next)];
      const points = [
        [centre - w0 / 2, y + BAR],
        [centre + w0 / 2, y + BAR],
        [centre + w1 / 2, y + ROW],
        [centre - w1 / 2, y + ROW],
      ];
      parts.push(
        `<polygon class="band" points="${points.map(([x, yy]) => `${round(x!)},${round(yy!)}`).join(' ')}"/>`,
      );
    }
    row(b, y, 'tone-main');
  });
  const top = 6 + options.stages.length * ROW + 8;
  parts.push(text(4, top + 12, options.outflowTitle, { cls: 'subtitle' }));
  parts.push(
    `<line class="rule" x1="${Math.min(labelWidth, textWidth(options.outflowTitle) + 12)}" x2="${labelWidth + plot}" y1="${top + 8}" y2="${top + 8}"/>`,
  );
  options.outflows.forEach((b, i) => {
    row(b, top + 22 + i * ROW, 'tone-muted');
  });
  const height = top + 22 + options.outflows.length * ROW + 4;
  return svgChart(options.chart, options.title, width, height, parts.join(''));
}
