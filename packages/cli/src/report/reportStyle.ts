/** The report's stylesheet, inlined in the page: screen and print, no web fonts, no network. */
export const REPORT_CSS = `
:root { --ink: #1f2933; --muted: #616e7c; --rule: #d9dee3; --main: #2f6f9f; --present: #2f8f5b;
  --excused: #d4a72c; --absent: #c0392b; --grey: #9aa5b1; --band: #dbe8f2; --paper: #fff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #f5f7fa; color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { max-width: 900px; margin: 0 auto; padding: 24px 20px 48px; }
header.page { border-bottom: 3px solid var(--main); margin-bottom: 20px; padding-bottom: 10px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0 0 8px; display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
h2 .figure { font-size: 16px; color: var(--main); font-weight: 600; }
.meta, .note, figcaption { color: var(--muted); font-size: 13px; }
section { background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: 16px 18px;
  margin: 0 0 16px; break-inside: avoid; page-break-inside: avoid; }
section.long { break-inside: auto; page-break-inside: auto; }
figure { margin: 8px 0 4px; overflow-x: auto; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { font-size: 13px; fill: var(--ink); font-family: inherit; }
svg text.small, svg text.tick { font-size: 11px; }
svg text.note, svg text.tick, svg text.axis-label { fill: var(--muted); }
svg text.subtitle { font-weight: 600; fill: var(--muted); }
svg text.marker-label { font-size: 12px; fill: var(--absent); }
svg .bar { fill: var(--main); }
svg .tone-present { fill: var(--present); }
svg .tone-excused { fill: var(--excused); }
svg .tone-absent { fill: var(--absent); }
svg .tone-muted { fill: var(--grey); }
svg .tone-expected { fill: #7b93a8; }
svg .band { fill: var(--band); }
svg .axis, svg .rule { stroke: var(--rule); stroke-width: 1; }
svg .marker { stroke: var(--absent); stroke-width: 1.5; stroke-dasharray: 4 3; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
.card .k { color: var(--muted); font-size: 13px; }
.card .v { font-size: 22px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 12px; }
  main { max-width: none; padding: 0; }
  section { border: none; border-top: 1px solid var(--rule); border-radius: 0; padding: 10px 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure { overflow: visible; }
}
`;
