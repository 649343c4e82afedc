import { ADOPTION_LEVELS, LEAVE_REASONS, PROPOSAL_CATEGORIES } from '@lvzhi/analysis';
import type { Lang } from '../i18n/lang.ts';
import { type AnnualReport, isRollUp } from './annualReport.ts';
import { barChart } from './charts/barChart.ts';
import { funnelChart } from './charts/funnelChart.ts';
import { card, figure, note, num, section, table } from './htmlParts.ts';
import { escapeXml, formatNumber, sourceAttributes } from './numbers.ts';
import { label, valueLabel } from './reportLabels.ts';

const share = (part: number, whole: number) =>
  whole > 0 ? `(${formatNumber(part / whole, 'percent')})` : '';

/** The headline figures. */
export function overviewSection(r: AnnualReport, lang: Lang): string {
  const a = r.analysis;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const cards = [
    card(L('membersSeated'), a.members, 'members'),
    card(`${L('plenary')} · ${L('turnout')}`, a.plenary.turnout, 'plenary.turnout', 'percent'),
    card(`${L('proposals')} · ${L('submitted')}`, a.proposals.submitted, 'proposals.submitted'),
    card(`${L('proposals')} · ${L('filed')}`, a.proposals.filed, 'proposals.filed'),
    card(`${L('opinions')} · ${L('submitted')}`, a.opinions.submitted, 'opinions.submitted'),
    card(`${L('opinions')} · ${L('adopted')}`, a.opinions.adopted, 'opinions.adopted'),
    card(L('nothingRecorded'), a.membersWithNothingRecorded.length, 'membersWithNothingRecorded.length'),
  ];
  return section('overview', L('overview'), `<div class="cards">${cards.join('')}</div>`);
}

/** Plenary turnout, with every excused absence by its reason. */
export function plenarySection(r: AnnualReport, lang: Lang): string {
  const p = r.analysis.plenary;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const chart = barChart({
    chart: 'plenary-turnout',
    title: L('plenary'),
    max: p.expected,
    bars: [
      { label: L('expected'), value: p.expected, source: { key: 'plenary.expected' }, tone: 'tone-expected' },
      {
        label: L('present'),
        value: p.present,
        source: { key: 'plenary.present' },
        tone: 'tone-present',
        note: share(p.present, p.expected),
      },
      { label: L('excused'), value: p.excused, source: { key: 'plenary.excused' }, tone: 'tone-excused' },
      { label: L('absent'), value: p.absent, source: { key: 'plenary.absent' }, tone: 'tone-absent' },
      {
        label: L('notRecorded'),
        value: p.notRecorded,
        source: { key: 'plenary.notRecorded' },
        tone: 'tone-muted',
      },
    ],
  });
  const reasons = LEAVE_REASONS.filter((reason) => p.excusedByReason[reason] > 0).map((reason) => [
    valueLabel(reason, lang),
    num(p.excusedByReason[reason], `plenary.excusedByReason.${reason}`),
  ]);
  const meetings =
    p.byMeeting.length > 1
      ? table(
          [L('plenary'), L('expected'), L('present'), L('excused'), L('absent'), L('turnout')],
          p.byMeeting.map((m, i) => [
            `${m.title} (${m.startsOn})`,
            num(m.expected, `plenary.byMeeting.${i}.expected`),
            num(m.present, `plenary.byMeeting.${i}.present`),
            num(m.excused, `plenary.byMeeting.${i}.excused`),
            num(m.absent, `plenary.byMeeting.${i}.absent`),
            num(m.turnout, `plenary.byMeeting.${i}.turnout`, 'percent'),
          ]),
        )
      : '';
  const body = [
    figure(chart),
    note(L('plenaryNote')),
    table(
      [L('excusedByReason'), L('excused')],
      [...reasons, [L('onLongLeave'), num(p.onLongLeave, 'plenary.onLongLeave')]],
    ),
    meetings,
  ].join('');
  const headline = ` <span class="figure">${escapeXml(L('turnout'))} <span${sourceAttributes({ key: 'plenary.turnout', format: 'percent' })}>${formatNumber(p.turnout, 'percent')}</span></span>`;
  return section('plenary', L('plenary'), body, headline);
}

/** The proposal funnel and the categories of filed proposals. */
export function proposalSection(r: AnnualReport, lang: Lang): string {
  const p = r.analysis.proposals;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const funnel = funnelChart({
    chart: 'proposal-funnel',
    title: L('funnel'),
    stages: [
      { label: L('submitted'), value: p.submitted, source: { key: 'proposals.submitted' } },
      {
        label: L('filed'),
        value: p.filed,
        source: { key: 'proposals.filed' },
        note: share(p.filed, p.submitted),
      },
      { label: L('key'), value: p.key, source: { key: 'proposals.key' }, note: share(p.key, p.filed) },
      {
        label: L('excellent'),
        value: p.excellent,
        source: { key: 'proposals.excellent' },
        note: share(p.excellent, p.filed),
      },
    ],
    outflowTitle: L('otherOutcomes'),
    outflows: [
      { label: L('notFiled'), value: p.notFiled, source: { key: 'proposals.notFiled' } },
      { label: L('converted'), value: p.converted, source: { key: 'proposals.converted' } },
      { label: L('returned'), value: p.returned, source: { key: 'proposals.returned' } },
      ...(p.pendingReview > 0
        ? [{ label: L('pendingReview'), value: p.pendingReview, source: { key: 'proposals.pendingReview' } }]
        : []),
    ],
  });
  const categories = barChart({
    chart: 'proposal-categories',
    title: L('byCategory'),
    bars: PROPOSAL_CATEGORIES.filter((c) => p.byCategory[c].submitted > 0).map((c) => ({
      label: valueLabel(c, lang),
      value: p.byCategory[c].filed,
      source: { key: `proposals.byCategory.${c}.filed` },
      note: share(p.byCategory[c].filed, p.filed),
    })),
  });
  const facts = table(
    [L('proposals'), L('total')],
    [
      [L('session'), num(p.session, 'proposals.session')],
      [L('interim'), num(p.interim, 'proposals.interim')],
      [L('collective'), num(p.collective, 'proposals.collective')],
      [L('fromMembers'), num(p.fromMembers, 'proposals.fromMembers')],
      [L('merged'), num(p.merged, 'proposals.merged')],
      [L('instructed'), num(p.instructed, 'proposals.instructed')],
    ],
  );
  return section(
    'proposals',
    L('funnel'),
    [
      figure(funnel),
      note(L('funnelNote')),
      facts,
      `<h2>${escapeXml(L('byCategory'))}</h2>`,
      figure(categories, L('byCategoryNote')),
    ].join(''),
  );
}

/** Adoption of 社情民意 items by level. */
export function opinionSection(r: AnnualReport, lang: Lang): string {
  const o = r.analysis.opinions;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const chart = barChart({
    chart: 'opinion-adoption',
    title: L('adoptedByLevel'),
    bars: [
      {
        label: L('submitted'),
        value: o.submitted,
        source: { key: 'opinions.submitted' },
        tone: 'tone-expected',
      },
      {
        label: L('adopted'),
        value: o.adopted,
        source: { key: 'opinions.adopted' },
        tone: 'tone-present',
        note: share(o.adopted, o.submitted),
      },
      ...ADOPTION_LEVELS.map((level) => ({
        label: valueLabel(level, lang),
        value: o.adoptedByLevel[level],
        source: { key: `opinions.adoptedByLevel.${level}` },
      })),
      {
        label: L('instructed'),
        value: o.instructed,
        source: { key: 'opinions.instructed' },
        tone: 'tone-muted',
      },
    ],
  });
  return section('opinions', L('adoptedByLevel'), figure(chart) + note(L('opinionsNote')));
}

/** For a roll-up: each committee's headline figures. */
export function committeesSection(r: AnnualReport, lang: Lang): string {
  const a = r.analysis;
  if (!isRollUp(a)) return '';
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const rows = a.committees.map((c, i) => [
    c.committeeName,
    num(c.members, `committees.${i}.members`),
    num(c.plenaryTurnout, `committees.${i}.plenaryTurnout`, 'percent'),
    num(c.proposalsSubmitted, `committees.${i}.proposalsSubmitted`),
    num(c.proposalsFiled, `committees.${i}.proposalsFiled`),
    num(c.opinionsSubmitted, `committees.${i}.opinionsSubmitted`),
    num(c.opinionsAdopted, `committees.${i}.opinionsAdopted`),
  ]);
  const headers = [
    L('committee'),
    L('members'),
    L('turnout'),
    `${L('proposals')} ${L('submitted')}`,
    L('filed'),
    `${L('opinions')}`,
    L('adopted'),
  ];
  return section('committees', L('committees'), table(headers, rows), '', true);
}
