import {
  ACT_FAMILIES,
  ADOPTION_LEVELS,
  type AnalysisFigures,
  type AnnualAnalysis,
  type GroupFigures,
  type KeyFigures,
  LEAVE_REASONS,
  PROPOSAL_CATEGORIES,
  type RollUpAnalysis,
} from './analysisTypes.ts';
import { type LABELS, label, type ReportLanguage, valueLabel } from './labels.ts';

type Cell = string | number | null;

/** A table cell: pipes escaped, line breaks flattened, null as a dash. */
function cell(value: Cell): string {
  if (value === null) return '—';
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function table(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

const percent = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);
const decimal = (n: number | null) => (n === null ? null : Number.isInteger(n) ? String(n) : n.toFixed(2));
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function groupRow(name: string, g: GroupFigures): Cell[] {
  return [
    name,
    g.members,
    decimal(g.actsPerMember),
    percent(g.plenary.turnout),
    g.proposals,
    g.opinions,
    g.nothingRecorded,
  ];
}

function sections(a: AnalysisFigures, lang: ReportLanguage): string[] {
  const L = (k: keyof typeof LABELS) => label(k, lang);
  const V = (v: string) => valueLabel(v, lang);
  const metricHead = [L('metric'), L('value')];
  const p = a.plenary;
  const out: string[] = [];
  out.push(`## ${L('plenary')}`);
  out.push(
    table(metricHead, [
      [L('meetings'), p.meetings],
      [L('expected'), p.expected],
      [L('present'), p.present],
      [L('excused'), p.excused],
      [L('absent'), p.absent],
      [L('notRecorded'), p.notRecorded],
      [L('onLongLeave'), p.onLongLeave],
      [L('turnout'), percent(p.turnout)],
    ]),
  );
  if (p.byMeeting.length > 0) {
    out.push(
      table(
        [
          L('meeting'),
          L('session'),
          L('expected'),
          L('present'),
          L('excused'),
          L('absent'),
          L('notRecorded'),
          L('turnout'),
        ],
        p.byMeeting.map((m) => [
          `${m.title} (${m.startsOn})`,
          m.session,
          m.expected,
          m.present,
          m.excused,
          m.absent,
          m.notRecorded,
          percent(m.turnout),
        ]),
      ),
    );
  }
  out.push(
    table(
      [L('presentByChannel'), L('value')],
      [
        [L('inPerson'), p.presentByChannel.inPerson],
        [L('video'), p.presentByChannel.video],
        [L('online'), p.presentByChannel.online],
      ],
    ),
  );
  out.push(
    table(
      [L('excusedByReason'), L('value')],
      LEAVE_REASONS.map((r) => [V(r), p.excusedByReason[r]]),
    ),
  );
  const q = a.proposals;
  out.push(`## ${L('proposals')}`);
  out.push(
    table(metricHead, [
      [L('submitted'), q.submitted],
      [L('filed'), q.filed],
      [L('merged'), q.merged],
      [L('notFiled'), q.notFiled],
      [L('converted'), q.converted],
      [L('returned'), q.returned],
      [L('pendingReview'), q.pendingReview],
      [L('key'), q.key],
      [L('excellent'), q.excellent],
      [L('instructed'), q.instructed],
      [L('fromMembers'), q.fromMembers],
      [L('collective'), q.collective],
      [L('sessionTiming'), q.session],
      [L('interim'), q.interim],
    ]),
  );
  out.push(
    table(
      [L('category'), L('submitted'), L('filed')],
      PROPOSAL_CATEGORIES.map((c) => [V(c), q.byCategory[c].submitted, q.byCategory[c].filed]),
    ),
  );
  const o = a.opinions;
  out.push(`## ${L('opinions')}`);
  out.push(
    table(metricHead, [
      [L('submitted'), o.submitted],
      [L('adopted'), o.adopted],
      ...ADOPTION_LEVELS.map((l): Cell[] => [`${L('adopted')} · ${V(l)}`, o.adoptedByLevel[l]]),
      [L('instructed'), o.instructed],
    ]),
  );
  out.push(`## ${L('acts')}`);
  out.push(
    table(
      [L('family'), L('total'), L('perMember'), L('coverage')],
      ACT_FAMILIES.map((f) => [V(f), a.totals[f], decimal(a.perMember[f]), a.coverage[f]]),
    ),
  );
  out.push(`### ${L('distribution')}`);
  out.push(L('distributionNote'));
  const d = a.distribution;
  out.push(
    d === null
      ? L('none')
      : table(
          [L('min'), L('q1'), L('median'), L('q3'), L('max')],
          [[d.min, decimal(d.q1), decimal(d.median), decimal(d.q3), d.max]],
        ),
  );
  const groupHead = (first: string) => [
    first,
    L('members'),
    L('actsPerMember'),
    L('turnout'),
    L('proposals'),
    L('opinions'),
    L('nothingRecorded'),
  ];
  out.push(`## ${L('bySector')}`);
  out.push(
    table(
      groupHead(L('sector')),
      a.bySector.map((g) => groupRow(g.sector, g)),
    ),
  );
  out.push(`## ${L('bySpecialCommittee')}`);
  out.push(
    table(
      groupHead(L('specialCommittee')),
      a.bySpecialCommittee.map((g) => groupRow(g.specialCommittee, g)),
    ),
  );
  out.push(`## ${L('standingVsOrdinary')}`);
  out.push(
    table(groupHead(''), [
      groupRow(L('standing'), a.standingVsOrdinary.standing),
      groupRow(L('ordinary'), a.standingVsOrdinary.ordinary),
    ]),
  );
  out.push(`## ${L('nothingRecorded')}`);
  out.push(L('nothingRecordedNote'));
  const leaveOf = (id: string) => a.longLeave.filter((l) => l.memberId === id).map((l) => V(l.reason));
  out.push(
    a.membersWithNothingRecorded.length === 0
      ? L('none')
      : a.membersWithNothingRecorded
          .map((id) => {
            const leave = leaveOf(id);
            return `- ${cell(id)}${leave.length > 0 ? ` (${L('longLeave')}: ${leave.join(', ')})` : ''}`;
          })
          .join('\n'),
  );
  out.push(`## ${L('longLeave')}`);
  out.push(
    a.longLeave.length === 0
      ? L('none')
      : table(
          [L('memberId'), L('name'), L('reason'), L('from'), L('to')],
          a.longLeave.map((l) => [l.memberId, l.name, V(l.reason), l.from, l.to ?? L('openEnded')]),
        ),
  );
  out.push(`## ${L('previousYear')}`);
  const prev = a.previousYear;
  if (prev === null) out.push(L('noPreviousYear'));
  else {
    const now: KeyFigures = {
      members: a.members,
      proposalsSubmitted: a.proposals.submitted,
      proposalsFiled: a.proposals.filed,
      opinionsSubmitted: a.opinions.submitted,
      opinionsAdopted: a.opinions.adopted,
      plenaryTurnout: a.plenary.turnout,
    };
    const counts = [
      'members',
      'proposalsSubmitted',
      'proposalsFiled',
      'opinionsSubmitted',
      'opinionsAdopted',
    ] as const;
    const turnoutChange = prev.change.plenaryTurnout;
    out.push(
      table(
        [L('metric'), `${L('lastYear')} (${prev.year})`, L('thisYear'), L('change')],
        [
          ...counts.map((k): Cell[] => [L(k), prev[k], now[k], signed(prev.change[k])]),
          [
            L('turnout'),
            percent(prev.plenaryTurnout),
            percent(now.plenaryTurnout),
            turnoutChange === null
              ? null
              : `${signed(Number((turnoutChange * 100).toFixed(1)))} ${L('percentagePoints')}`,
          ],
        ],
      ),
    );
  }
  return out;
}

function isRollUp(a: AnnualAnalysis | RollUpAnalysis): a is RollUpAnalysis {
  return 'committeeIds' in a;
}

/**
 * Renders an analysis (one committee's or a roll-up) as Markdown tables, in Chinese or in English with the
 * Chinese domain terms beside the English ones.
 * @example analysisToMarkdown(annualAnalysis(state, { committeeId: 'cq', year: 2019 }), 'en')
 */
export function analysisToMarkdown(a: AnnualAnalysis | RollUpAnalysis, lang: ReportLanguage): string {
  const L = (k: keyof typeof LABELS) => label(k, lang);
  const out: string[] = [];
  if (isRollUp(a)) {
    out.push(`# ${L('rollUpTitle')} · ${a.year}`);
    out.push(
      table(
        [
          L('committee'),
          L('members'),
          L('proposalsSubmitted'),
          L('proposalsFiled'),
          L('opinionsSubmitted'),
          L('opinionsAdopted'),
          L('turnout'),
        ],
        a.committees.map((c) => [
          `${c.committeeName} (${c.committeeId})`,
          c.members,
          c.proposalsSubmitted,
          c.proposalsFiled,
          c.opinionsSubmitted,
          c.opinionsAdopted,
          percent(c.plenaryTurnout),
        ]),
      ),
    );
  } else {
    out.push(`# ${L('title')} · ${cell(a.committeeName)} · ${a.year}`);
    out.push(
      table(
        [L('metric'), L('value')],
        [
          [L('committee'), `${a.committeeName} (${a.committeeId}, ${valueLabel(a.level, lang)})`],
          [L('year'), `${a.year} (${a.timeZone})`],
          [L('terms'), a.terms.join(', ')],
        ],
      ),
    );
  }
  out.push(`## ${L('overview')}`);
  out.push(table([L('metric'), L('value')], [[L('members'), a.members]]));
  out.push(...sections(a, lang));
  return `${out.join('\n\n')}\n`;
}
