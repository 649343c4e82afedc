import type { Lang } from '../i18n/lang.ts';
import { type AnnualReport, isRollUp } from './annualReport.ts';
import { scriptJson } from './htmlParts.ts';
import { distributionSection, nothingRecordedSection, sectorSection } from './memberSections.ts';
import { escapeXml } from './numbers.ts';
import { label } from './reportLabels.ts';
import {
  committeesSection,
  opinionSection,
  overviewSection,
  plenarySection,
  proposalSection,
} from './reportSections.ts';
import { REPORT_CSS } from './reportStyle.ts';

/** Options of the HTML page. */
export interface HtmlReportOptions {
  readonly lang: Lang;
  /** When the page was made (ISO instant), shown in its footer. */
  readonly generatedAt?: string;
}

/**
 * The annual report as one self-contained HTML page: inline CSS, charts as inline SVG drawn here (nothing is
 * fetched when it is viewed), labels in Chinese or in English with the Chinese terms, printable. The analysis
 * is embedded as JSON (`#analysis`), and the histogram's values as `#report-data`; every number shown from
 * them names its path in `data-key`.
 */
export function htmlReport(report: AnnualReport, options: HtmlReportOptions): string {
  const { lang } = options;
  const a = report.analysis;
  const names = report.committees.map((c) => c.name).join('、');
  const heading =
    lang === 'zh'
      ? `${names} ${a.year} 年度履职整体分析${isRollUp(a) ? `（${label('rollUp', 'zh')}）` : ''}`
      : `${label('title', 'en')}${isRollUp(a) ? `, ${label('rollUp', 'en')}` : ''} · ${a.year} · ${names}`;
  const terms = isRollUp(a) ? '' : ` · ${label('terms', lang)} ${a.terms.join(', ')}`;
  const meta = `${label('year', lang)} ${a.year}${terms} · ${label('membersSeated', lang)} ${a.members}`;
  const sections = [
    overviewSection(report, lang),
    committeesSection(report, lang),
    plenarySection(report, lang),
    proposalSection(report, lang),
    opinionSection(report, lang),
    distributionSection(report, lang),
    sectorSection(report, lang),
    nothingRecordedSection(report, lang),
  ];
  const reportData = {
    histogram: report.histogram,
    actsPerMember: report.actsPerMember,
    nothingRecorded: report.nothingRecorded,
  };
  const generated = options.generatedAt ? ` · ${escapeXml(options.generatedAt)}` : '';
  return [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(heading)}</title>`,
    `<style>${REPORT_CSS}</style></head>`,
    '<body><main>',
    `<header class="page"><h1>${escapeXml(heading)}</h1><p class="meta">${escapeXml(meta)}</p></header>`,
    ...sections.filter((s) => s !== ''),
    `<footer>${escapeXml(label('generatedBy', lang))}${generated}</footer>`,
    '</main>',
    scriptJson('analysis', a),
    scriptJson('report-data', reportData),
    '</body></html>',
    '',
  ].join('\n');
}
