import { ACT_FAMILIES } from '@lvzhi/analysis';
import type { Lang } from '../i18n/lang.ts';
import type { AnnualReport } from './annualReport.ts';
import { barChart } from './charts/barChart.ts';
import { histogramChart } from './charts/histogramChart.ts';
import { figure, note, num, section, table } from './htmlParts.ts';
import { escapeXml, formatNumber, sourceAttributes } from './numbers.ts';
import { label, valueLabel } from './reportLabels.ts';

/** Acts per member by sector, in order of the sectors' size. */
export function sectorSection(r: AnnualReport, lang: Lang): string {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const sectors = r.analysis.bySector
    .map((s, i) => ({ s, i }))
    .sort((x, y) => y.s.members - x.s.members || (x.s.sector < y.s.sector ? -1 : 1));
  const chart = barChart({
    chart: 'acts-by-sector',
    title: L('bySector'),
    bars: sectors.map(({ s, i }) => ({
      label: s.sector,
      value: s.actsPerMember,
      format: 'decimal' as const,
      source: { key: `bySector.${i}.actsPerMember` },
      note: lang === 'zh' ? `（${L('sectorSize')} ${s.members} 人）` : `(${s.members} ${L('sectorSize')})`,
    })),
  });
  return section('sectors', L('bySector'), figure(chart, L('bySectorNote')), '', true);
}

/** The distribution of acts per member and the coverage of each family. */
export function distributionSection(r: AnnualReport, lang: Lang): string {
  const a = r.analysis;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const d = a.distribution;
  const chart = histogramChart({
    chart: 'acts-distribution',
    title: L('distribution'),
    bins: r.histogram,
    distribution: d,
    labels: { q1: L('q1'), median: L('median'), q3: L('q3'), x: L('actsAxis') },
  });
  const quartiles = table(
    [L('min'), L('q1'), L('median'), L('q3'), L('max')],
    [
      [
        num(d?.min ?? null, 'distribution.min', 'quantile'),
        num(d?.q1 ?? null, 'distribution.q1', 'quantile'),
        num(d?.median ?? null, 'distribution.median', 'quantile'),
        num(d?.q3 ?? null, 'distribution.q3', 'quantile'),
        num(d?.max ?? null, 'distribution.max', 'quantile'),
      ],
    ],
  );
  const coverage = table(
    [L('family'), L('total'), L('perMember'), L('coverage')],
    ACT_FAMILIES.map((f) => [
      valueLabel(f, lang),
      num(a.totals[f], `totals.${f}`),
      num(a.perMember[f], `perMember.${f}`, 'decimal'),
      num(a.coverage[f], `coverage.${f}`),
    ]),
  );
  return section(
    'distribution',
    L('distribution'),
    [
      figure(chart, `${L('membersAxis')} / ${L('actsAxis')}`),
      note(L('distributionNote')),
      quartiles,
      `<h2>${escapeXml(L('acts'))}</h2>`,
      coverage,
    ].join(''),
  );
}

/** Members with nothing recorded, by name, with long leave and its reason. */
export function nothingRecordedSection(r: AnnualReport, lang: Lang): string {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const rows = r.nothingRecorded.map((m) => [
    m.memberId,
    m.name,
    m.sector,
    m.longLeave.length === 0
      ? '—'
      : m.longLeave
          .map((l) => `${valueLabel(l.reason, lang)} ${l.from} – ${l.to ?? L('openEnded')}`)
          .join('; '),
  ]);
  const body =
    rows.length === 0
      ? `<p>${escapeXml(L('none'))}</p>`
      : table([L('member'), L('name'), L('sector'), L('longLeave')], rows);
  const count = ` <span class="figure"${sourceAttributes({ key: 'membersWithNothingRecorded.length' })}>${formatNumber(r.nothingRecorded.length)}</span>`;
  return section(
    'nothing-recorded',
    L('nothingRecorded'),
    note(L('nothingRecordedNote')) + body,
    count,
    true,
  );
}
