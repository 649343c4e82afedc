import type { Distribution } from '@lvzhi/analysis';
import type { HistogramBin } from '../actsPerMember.ts';
import { formatNumber, sourceAttributes } from '../numbers.ts';
import { rect, round, svgChart, text } from './svg.ts';

/** Options of the histogram of acts per member, with the quartiles of the analysis marked on it. */
export interface HistogramOptions {
  readonly chart: string;
  readonly title: string;
  readonly bins: readonly HistogramBin[];
  readonly distribution: Distribution | null;
  /** Labels of the quartile markers and axes. */
  readonly labels: { readonly q1: string; readonly median: string; readonly q3: string; readonly x: string };
  readonly width?: number;
}

/** A histogram: members per bin of acts, the count above each bar, Q1, median and Q3 as marked lines. */
export function histogramChart(options: HistogramOptions): string {
  const width = options.width ?? 760;
  const left = 44;
  const right = 16;
  const top = 48;
  const plotHeight = 200;
  const bottom = top + plotHeight;
  const bins = options.bins;
  const plot = width - left - right;
  const slot = bins.length > 0 ? plot / bins.length : plot;
  const binWidth = bins.length > 0 ? bins[0]!.to - bins[0]!.from + 1 : 1;
  const maxCount = Math.max(1, ...bins.map((b) => b.members));
  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${left}" x2="${left + plot}" y1="${bottom}" y2="${bottom}"/>`);
  bins.forEach((b, i) => {
    const h = (b.members / maxCount) * plotHeight;
    const x = left + i * slot;
    parts.push(rect(x + 1, bottom - h, slot - 2, h, 'bar tone-main'));
    parts.push(
      text(x + slot / 2, bottom - h - 4, formatNumber(b.members), {
        anchor: 'middle',
        cls: 'value small',
        attrs: sourceAttributes({ key: `histogram.${i}.members`, source: 'report' }),
      }),
    );
    const tick = b.from === b.to ? String(b.from) : `${b.from}–${b.to}`;
    parts.push(text(x + slot / 2, bottom + 14, tick, { anchor: 'middle', cls: 'tick' }));
  });
  parts.push(text(left + plot / 2, bottom + 32, options.labels.x, { anchor: 'middle', cls: 'axis-label' }));
  const d = options.distribution;
  if (d && bins.length > 0) {
    // A value v sits at its bin's slot, proportionally inside it.
    const xOf = (v: number) => left + ((v + 0.5) / binWidth) * slot;
    const marks = [
      ['q1', options.labels.q1, d.q1],
      ['median', options.labels.median, d.median],
      ['q3', options.labels.q3, d.q3],
    ] as const;
    marks.forEach(([key, name, value], i) => {
      const x = xOf(value);
      const y = 12 + i * 12;
      parts.push(`<line class="marker" x1="${round(x)}" x2="${round(x)}" y1="${y + 3}" y2="${bottom}"/>`);
      parts.push(
        `<text class="marker-label" x="${round(x + 3)}" y="${round(y)}">${name} ` +
          `<tspan class="value"${sourceAttributes({ key: `distribution.${key}`, format: 'quantile' })}>${formatNumber(value, 'quantile')}</tspan></text>`,
      );
    });
  }
  return svgChart(options.chart, options.title, width, bottom + 40, parts.join(''));
}
