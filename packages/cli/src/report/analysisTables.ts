import { ACT_FAMILIES, ADOPTION_LEVELS, LEAVE_REASONS, PROPOSAL_CATEGORIES } from '@lvzhi/analysis';
import type { Lang } from '../i18n/lang.ts';
import { formatRows } from '../output/table.ts';
import type { AnnualReport } from './annualReport.ts';
import { formatNumber } from './numbers.ts';
import { type LabelKey, label, valueLabel } from './reportLabels.ts';

/** A titled table for the terminal: a header row, then rows; numeric columns aligned right. */
function block(title: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = (cell: string | undefined) => cell === undefined || /^([-+]?[\d,.]+%?|—|)$/.test(cell);
  const right = new Set(headers.map((_, i) => i).filter((i) => rows.every((r) => numeric(r[i]))));
  const widths: number[] = [];
  const body = formatRows([headers, ...rows], widths, right)
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `  ${line}`);
  const width = widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1);
  body.splice(1, 0, `  ${'─'.repeat(width)}`);
  return `${title}\n${body.join('\n')}\n`;
}

const pct = (part: number, whole: number) => (whole > 0 ? formatNumber(part / whole, 'percent') : '—');

/**
 * The annual overall analysis as readable terminal tables: plenary turnout, the proposal funnel, categories,
 * public-opinion items by level, coverage, the distribution, the largest sectors (by size, not a ranking) and
 * the members with nothing recorded.
 */
export function analysisTables(
  report: AnnualReport,
  lang: Lang,
  options: { readonly sectors?: number } = {},
): string {
  const a = report.analysis;
  const L = (k: LabelKey) => label(k, lang);
  const V = (v: string) => valueLabel(v, lang);
  const n = (v: number | null) => formatNumber(v);
  const aside = (text: string) => (lang === 'zh' ? `（${text}）` : ` (${text})`);
  const comma = lang === 'zh' ? '，' : ', ';
  const p = a.plenary;
  const out: string[] = [];
  const reasons = LEAVE_REASONS.filter((r) => p.excusedByReason[r] > 0)
    .map((r) => `${V(r)} ${p.excusedByReason[r]}`)
    .join(comma);
  out.push(
    block(
      `${L('plenary')} · ${L('membersSeated')} ${n(a.members)}`,
      [L('expected'), L('present'), L('excused'), L('absent'), L('notRecorded'), L('turnout')],
      [
        [
          n(p.expected),
          n(p.present),
          n(p.excused),
          n(p.absent),
          n(p.notRecorded),
          formatNumber(p.turnout, 'percent'),
        ],
      ],
    ) + (reasons ? `  ${L('excusedByReason')}${lang === 'zh' ? '：' : ': '}${reasons}\n` : ''),
  );
  const f = a.proposals;
  out.push(
    block(
      `${L('funnel')}`,
      [L('proposals'), L('total'), '%'],
      [
        [
          `${L('submitted')}${aside(`${L('session')} ${n(f.session)}${comma}${L('interim')} ${n(f.interim)}`)}`,
          n(f.submitted),
          '',
        ],
        [`${L('filed')}${aside(`${L('merged')} ${n(f.merged)}`)}`, n(f.filed), pct(f.filed, f.submitted)],
        [L('key'), n(f.key), pct(f.key, f.filed)],
        [L('excellent'), n(f.excellent), pct(f.excellent, f.filed)],
        [L('notFiled'), n(f.notFiled), pct(f.notFiled, f.submitted)],
        [L('converted'), n(f.converted), pct(f.converted, f.submitted)],
        [L('returned'), n(f.returned), pct(f.returned, f.submitted)],
        ...(f.pendingReview > 0
          ? [[L('pendingReview'), n(f.pendingReview), pct(f.pendingReview, f.submitted)]]
          : []),
        [L('collective'), n(f.collective), pct(f.collective, f.submitted)],
        [L('fromMembers'), n(f.fromMembers), pct(f.fromMembers, f.submitted)],
      ],
    ),
  );
  out.push(
    block(
      L('byCategory'),
      [L('category'), L('submitted'), L('filed'), L('shareOfFiled')],
      PROPOSAL_CATEGORIES.filter((c) => f.byCategory[c].submitted > 0).map((c) => [
        V(c),
        n(f.byCategory[c].submitted),
        n(f.byCategory[c].filed),
        pct(f.byCategory[c].filed, f.filed),
      ]),
    ),
  );
  const o = a.opinions;
  out.push(
    block(
      L('adoptedByLevel'),
      [L('opinions'), L('total'), '%'],
      [
        [L('submitted'), n(o.submitted), ''],
        [L('adopted'), n(o.adopted), pct(o.adopted, o.submitted)],
        ...ADOPTION_LEVELS.map((level) => [
          `  ${V(level)}`,
          n(o.adoptedByLevel[level]),
          pct(o.adoptedByLevel[level], o.submitted),
        ]),
        [L('instructed'), n(o.instructed), pct(o.instructed, o.submitted)],
      ],
    ),
  );
  out.push(
    block(
      L('acts'),
      [L('family'), L('total'), L('perMember'), L('coverage'), '%'],
      ACT_FAMILIES.map((fam) => [
        V(fam),
        n(a.totals[fam]),
        formatNumber(a.perMember[fam], 'decimal'),
        n(a.coverage[fam]),
        pct(a.coverage[fam], a.members),
      ]),
    ),
  );
  const d = a.distribution;
  if (d) {
    out.push(
      block(
        L('distribution'),
        [L('min'), L('q1'), L('median'), L('q3'), L('max')],
        [[d.min, d.q1, d.median, d.q3, d.max].map((v) => formatNumber(v, 'quantile'))],
      ),
    );
  }
  const limit = options.sectors ?? 8;
  const sectors = [...a.bySector].sort((x, y) => y.members - x.members || (x.sector < y.sector ? -1 : 1));
  const more = sectors.length - limit;
  out.push(
    block(
      `${L('bySector')}${aside(L('bySectorNote'))}`,
      [L('sector'), L('members'), L('actsPerMember'), L('turnout'), L('nothingRecorded')],
      sectors
        .slice(0, limit)
        .map((s) => [
          s.sector,
          n(s.members),
          formatNumber(s.actsPerMember, 'decimal'),
          formatNumber(s.plenary.turnout, 'percent'),
          n(s.nothingRecorded),
        ]),
    ) + (more > 0 ? `  … ${more} ${L('more')}\n` : ''),
  );
  const nothing = report.nothingRecorded;
  out.push(
    nothing.length === 0
      ? `${L('nothingRecorded')}: ${L('none')}\n`
      : block(
          `${L('nothingRecorded')} ${nothing.length}`,
          [L('member'), L('name'), L('sector'), L('longLeave')],
          nothing.map((m) => [
            m.memberId,
            m.name,
            m.sector,
            m.longLeave.map((l) => `${V(l.reason)} ${l.from}–${l.to ?? L('openEnded')}`).join('; ') || '—',
          ]),
        ),
  );
  return out.join('\n');
}
