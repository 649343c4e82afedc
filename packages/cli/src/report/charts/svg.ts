import stringWidth from 'string-width';
import { escapeXml } from '../numbers.ts';

/** Pixels per display column of 13px text (a CJK character takes two columns). */
const PX_PER_COLUMN = 7;

/** The approximate width of a text of 13px in pixels. */
export function textWidth(text: string): number {
  return stringWidth(text) * PX_PER_COLUMN;
}

/** An `<svg>` of a chart: sized in pixels and scalable, named by `data-chart`, titled for screen readers. */
export function svgChart(chart: string, title: string, width: number, height: number, body: string): string {
  const w = Math.round(width);
  const h = Math.round(height);
  return (
    `<svg class="chart" data-chart="${escapeXml(chart)}" role="img" aria-label="${escapeXml(title)}" ` +
    `xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<title>${escapeXml(title)}</title>${body}</svg>`
  );
}

/** A text element. */
export function text(
  x: number,
  y: number,
  content: string,
  options: {
    readonly anchor?: 'start' | 'middle' | 'end';
    readonly cls?: string;
    readonly attrs?: string;
  } = {},
): string {
  const anchor = options.anchor && options.anchor !== 'start' ? ` text-anchor="${options.anchor}"` : '';
  const cls = options.cls ? ` class="${options.cls}"` : '';
  return `<text x="${round(x)}" y="${round(y)}"${anchor}${cls}${options.attrs ?? ''}>${escapeXml(content)}</text>`;
}

/** A rectangle (a bar). */
export function rect(x: number, y: number, width: number, height: number, cls: string): string {
  return `<rect class="${cls}" x="${round(x)}" y="${round(y)}" width="${round(Math.max(0, width))}" height="${round(height)}"/>`;
}

/** Coordinates with at most one decimal. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
