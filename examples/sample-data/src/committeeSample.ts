import { addDays, recordedOn, ymd } from './calendar.ts';
import { Random } from './random.ts';
import type { CommitteeSpec, PlannedCorrection, SampleCommand, SampleMember } from './types.ts';
import { OUTLETS, personName, SECTORS, SPECIAL_COMMITTEES, TOPICS } from './vocabulary.ts';

type Status = 'present' | 'excused' | 'absent';
type LeaveReason = 'illness' | 'maternity' | 'higher-level-meeting' | 'official-abroad' | 'work' | 'other';

const OFFICE = {
  secretariat: '办公厅秘书处',
  proposals: '提案委员会办公室',
  opinions: '社情民意信息处',
  publicity: '宣传处',
  liaison: '委员联络处',
} as const;

const CATEGORY_SHARES: readonly (readonly [string, number])[] = [
  ['economic', 27.2],
  ['political', 11],
  ['cultural', 17.9],
  ['social', 21.6],
  ['ecological', 22.3],
];

/** Splits n by shares with the largest-remainder method, so the counts add up to n exactly. */
export function apportion(n: number, shares: readonly (readonly [string, number])[]): Map<string, number> {
  const total = shares.reduce((s, [, w]) => s + w, 0);
  const raw = shares.map(([k, w]) => ({ k, exact: (n * w) / total }));
  const counts = new Map(raw.map(({ k, exact }) => [k, Math.floor(exact)]));
  let left = n - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const { k } of [...raw].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (left-- <= 0) break;
    counts.set(k, counts.get(k)! + 1);
  }
  return counts;
}

function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Generates one committee's record over the given calendar years of its term. */
export class CommitteeSample {
  readonly #spec: CommitteeSpec;
  readonly #r: Random;
  readonly #out: { cmd: SampleCommand; order: number }[] = [];
  readonly corrections: PlannedCorrection[] = [];
  readonly #members: SampleMember[] = [];
  #serial = 0;
  #nextMember = 1;

  constructor(spec: CommitteeSpec, seed: number) {
    this.#spec = spec;
    this.#r = new Random(seed ^ hashText(spec.committeeId));
  }

  /** Every command, ordered by when it was recorded (stable, so causes stay before effects). */
  commands(): SampleCommand[] {
    return this.#out
      .sort((a, b) =>
        a.cmd.meta.recordedAt < b.cmd.meta.recordedAt
          ? -1
          : a.cmd.meta.recordedAt > b.cmd.meta.recordedAt
            ? 1
            : a.order - b.order,
      )
      .map((x) => x.cmd);
  }

  generate(years: readonly number[]): this {
    const s = this.#spec;
    const registered = recordedOn(addDays(s.termStartsOn, -30), 0);
    this.#emit(
      'RegisterCommittee',
      { committeeId: s.committeeId, name: s.name, level: s.level, timeZone: 'Asia/Shanghai' },
      OFFICE.secretariat,
      registered,
    );
    this.#emit(
      'OpenTerm',
      { committeeId: s.committeeId, term: s.term, startsOn: s.termStartsOn, endsOn: s.termEndsOn },
      OFFICE.secretariat,
      registered,
    );
    const first = Math.min(...years);
    const termStartYear = Number(s.termStartsOn.slice(0, 4));
    const endBefore = first > termStartYear ? Math.round(s.members * 0.01) : 0;
    for (let i = 0; i < s.members + endBefore; i++) this.#appoint(s.termStartsOn);
    for (const m of this.#r.shuffle(this.#members.filter((m) => !m.inactive)).slice(0, endBefore)) {
      this.#end(m, ymd(first - 1, this.#r.int(3, 11), this.#r.int(1, 28)));
    }
    for (const year of [...years].sort()) this.#year(year, termStartYear);
    return this;
  }

  #emit(command: string, data: Record<string, unknown>, recordedBy: string, recordedAt: string): void {
    this.#out.push({ cmd: { command, data, meta: { recordedBy, recordedAt } }, order: this.#serial++ });
  }

  #appoint(on: string): SampleMember {
    const r = this.#r;
    const s = this.#spec;
    const n = this.#nextMember++;
    const inactive = r.chance(0.012);
    const specials = s.level === 'county' ? SPECIAL_COMMITTEES.slice(0, 5) : SPECIAL_COMMITTEES;
    const first = r.pick(specials);
    const second = r.chance(0.2) ? r.pick(specials.filter((x) => x !== first)) : undefined;
    const member: SampleMember = {
      id: `${s.committeeId}-m${String(n).padStart(4, '0')}`,
      name: personName(r),
      sector: r.weighted(SECTORS),
      specials: second ? [first, second] : [first],
      standing: !inactive && r.chance(0.11),
      weight: inactive ? 0 : -Math.log(r.next() + 1e-9) + 0.15,
      inactive,
      appointedOn: on,
      leaves: [],
      standingChanges: [],
    };
    this.#members.push(member);
    this.#emit(
      'AppointMember',
      {
        memberId: member.id,
        name: member.name,
        committeeId: s.committeeId,
        term: s.term,
        sector: member.sector,
        specialCommittees: [...member.specials],
        standing: member.standing,
        appointedOn: on,
      },
      OFFICE.liaison,
      recordedOn(on, 1),
    );
    return member;
  }

  #end(m: SampleMember, on: string): void {
    m.endedOn = on;
    const reason = this.#r.weighted([
      ['resigned', 5],
      ['deceased', 2],
      ['revoked', 1],
    ] as const);
    this.#emit(
      'EndMembership',
      { memberId: m.id, committeeId: this.#spec.committeeId, reason, effectiveOn: on },
      OFFICE.liaison,
      recordedOn(on, 2),
    );
  }

  /** A date moved into the term: the day after it starts at the earliest, its last day at the latest. */
  #inTerm(date: string): string {
    const first = addDays(this.#spec.termStartsOn, 1);
    if (date < first) return first;
    return date > this.#spec.termEndsOn ? this.#spec.termEndsOn : date;
  }

  /** Year y's share of a count spread evenly over the five years of the term. */
  #share(total: number, y: number): number {
    const i = y - Number(this.#spec.termStartsOn.slice(0, 4));
    return Math.round((total * (i + 1)) / 5) - Math.round((total * i) / 5);
  }

  #seated(on: string): SampleMember[] {
    return this.#members.filter((m) => m.appointedOn <= on && (m.endedOn === undefined || on < m.endedOn));
  }

  #leaveOn(m: SampleMember, on: string) {
    return m.leaves.find((l) => l.from <= on && on <= l.to);
  }

  #standingOn(m: SampleMember, on: string): boolean {
    let standing = m.standing;
    for (const c of m.standingChanges) if (c.on <= on) standing = c.standing;
    return standing;
  }

  #year(y: number, termStartYear: number): void {
    const r = this.#r;
    const s = this.#spec;
    const plenaryOn = y === termStartYear ? s.termStartsOn : ymd(y, 1, r.int(10, 14));
    // Long leaves, most of them covering the plenary.
    for (const m of r
      .shuffle(this.#members.filter((x) => !x.inactive && x.endedOn === undefined))
      .slice(0, Math.max(1, Math.round(s.members * 0.01)))) {
      const coversPlenary = r.chance(0.65);
      const wanted = coversPlenary ? ymd(y, 1, r.int(1, 5)) : ymd(y, r.int(3, 8), r.int(1, 28));
      // Never before the member's appointment (a leave is declared for a seated member).
      const from = [wanted, addDays(m.appointedOn, 1)].sort()[1]!;
      const to = addDays(from, r.int(60, 150));
      const reason = r.weighted([
        ['illness', 4],
        ['maternity', 2],
        ['official-abroad', 2],
      ] as const);
      m.leaves.push({ from, to, reason });
      this.#emit(
        'DeclareLongLeave',
        { memberId: m.id, from, to, reason },
        OFFICE.liaison,
        recordedOn(from, 2),
      );
    }
    // Membership changes during the year.
    const changes = Math.max(1, Math.round(s.members * 0.005));
    for (const m of r
      .shuffle(this.#seated(ymd(y, 4, 1)).filter((x) => !x.inactive && !x.standing))
      .slice(0, changes)) {
      this.#end(m, ymd(y, r.int(4, 11), r.int(1, 28)));
    }
    for (let i = 0; i < changes + 1; i++) this.#appoint(ymd(y, 6, r.int(1, 20)));
    const promoted = r.pick(
      this.#seated(ymd(y, 6, 30)).filter((x) => !x.inactive && !this.#standingOn(x, ymd(y, 6, 30))),
    );
    const stepsDown = r.pick(
      this.#seated(ymd(y, 6, 30)).filter((x) => this.#standingOn(x, ymd(y, 6, 30)) && x !== promoted),
    );
    for (const [m, standing] of [
      [promoted, true],
      [stepsDown, false],
    ] as const) {
      const on = ymd(y, 7, 1);
      m.standingChanges.push({ on, standing });
      this.#emit(
        'SetStandingMember',
        { memberId: m.id, committeeId: s.committeeId, standing, effectiveOn: on },
        OFFICE.liaison,
        recordedOn(on, 1),
      );
    }
    this.#plenary(y, plenaryOn, y - termStartYear + 1);
    this.#proposals(y, plenaryOn);
    this.#activities(y);
    this.#opinions(y);
    this.#memberRecords(y);
  }

  #attend(
    meetingId: string,
    m: SampleMember,
    recordedAt: string,
    status: Status,
    extra: Record<string, unknown> = {},
  ): void {
    this.#emit(
      'RecordAttendance',
      { meetingId, memberId: m.id, status, ...extra },
      OFFICE.secretariat,
      recordedAt,
    );
  }

  #excuse(m: SampleMember, on: string): { status: 'excused'; leaveReason: LeaveReason } {
    const leave = this.#leaveOn(m, on);
    const leaveReason: LeaveReason = leave
      ? leave.reason
      : this.#r.weighted([
          ['work', 5],
          ['illness', 3],
          ['higher-level-meeting', 2],
          ['official-abroad', 1],
          ['other', 1],
        ] as const);
    return { status: 'excused', leaveReason };
  }

  #plenary(y: number, on: string, session: number): void {
    const r = this.#r;
    const s = this.#spec;
    const meetingId = `${s.committeeId}-${y}-plenary`;
    this.#emit(
      'ScheduleMeeting',
      {
        meetingId,
        committeeId: s.committeeId,
        kind: 'plenary',
        title: `${s.name}第${s.term}届第${session}次会议`,
        startsOn: on,
        endsOn: addDays(on, 4),
        term: s.term,
        session,
      },
      OFFICE.secretariat,
      recordedOn(on, -20),
    );
    const expected = this.#seated(on);
    const notPresent = expected.length - Math.round(expected.length * s.plenaryPresentShare);
    const absentTarget = Math.round(expected.length * (7 / 851));
    const onLeave = expected.filter((m) => this.#leaveOn(m, on));
    const inactive = expected.filter((m) => m.inactive && !onLeave.includes(m));
    const others = r.shuffle(expected.filter((m) => !onLeave.includes(m) && !m.inactive));
    const away = [...onLeave, ...inactive, ...others].slice(
      0,
      Math.max(notPresent, onLeave.length + inactive.length),
    );
    const awaySet = new Set(away);
    let absent = 0;
    const recordedAt = recordedOn(on, 5);
    const present: SampleMember[] = [];
    for (const m of expected) {
      if (awaySet.has(m)) {
        const unexcused = !this.#leaveOn(m, on) && absent < absentTarget && (m.inactive || r.chance(0.3));
        if (unexcused) {
          absent++;
          this.#attend(meetingId, m, recordedAt, 'absent');
        } else {
          this.#attend(meetingId, m, recordedAt, 'excused', {
            leaveReason: this.#excuse(m, on).leaveReason,
          });
        }
      } else {
        present.push(m);
        const fraction = r.chance(0.006) ? { fractionAttended: r.pick([0.5, 0.6, 2 / 3, 0.8]) } : {};
        this.#attend(meetingId, m, recordedAt, 'present', fraction);
      }
    }
    const writers = r.sampleWeighted(present, Math.round(present.length * 0.21), (m) => m.weight);
    for (const [i, m] of writers.entries()) {
      this.#emit(
        'RecordSpeech',
        { meetingId, memberId: m.id, mode: 'written', listed: i % 3 === 0 },
        OFFICE.secretariat,
        recordedOn(on, 6),
      );
    }
    for (const m of r.sampleWeighted(
      present,
      Math.max(2, Math.round(present.length * 0.014)),
      (m) => m.weight,
    )) {
      this.#emit(
        'RecordSpeech',
        { meetingId, memberId: m.id, mode: 'oral' },
        OFFICE.secretariat,
        recordedOn(on, 6),
      );
    }
    const absentOne = expected.find((m) => awaySet.has(m) && !m.inactive && !this.#leaveOn(m, on));
    if (absentOne) {
      this.corrections.push({
        target: { type: 'AttendanceRecorded', match: { meetingId, memberId: absentOne.id } },
        command: 'CorrectRecord',
        data: {
          data: { status: 'excused', leaveReason: 'illness' },
          reason: '委员补交病假证明，改为请假 (sick note handed in late)',
          approvedBy: '秘书长',
        },
        meta: { recordedBy: OFFICE.secretariat, recordedAt: recordedOn(on, 40) },
      });
    }
  }

  #meetingDates(y: number, count: number): string[] {
    const r = this.#r;
    return Array.from({ length: count }, () => ymd(y, r.int(2, 12), r.int(1, 28))).sort();
  }

  #activities(y: number): void {
    const r = this.#r;
    const s = this.#spec;
    const k = (n: number) => Math.max(1, Math.round(n * s.activityScale));
    const plan: [kind: string, count: number, title: (i: number) => string][] = [
      ['standing', 5, (i) => `常委会议（第${i + 1}次）`],
      ['chairman', 12, (i) => `主席会议（第${i + 1}次）`],
      [
        'consultation',
        k(40),
        (i) =>
          `${r.pick(['专题协商会', '对口协商会', '界别协商会', '提案办理协商会', '双周协商座谈会', '网络议政远程协商会'])}：${TOPICS[i % TOPICS.length]}`,
      ],
      ['inspection', k(30), (i) => `视察：${TOPICS[(i * 7) % TOPICS.length]}`],
      ['research', k(60), (i) => `调研：${TOPICS[(i * 3) % TOPICS.length]}`],
      ['supervision', k(20), (i) => `民主监督：${TOPICS[(i * 5) % TOPICS.length]}`],
      ['study', k(11), (i) => `双周学习会（第${i + 1}期）`],
      // 12 culture forums over the five-year term (DOMAIN.md): 2, 3, 2, 3, 2.
      ['study', k(this.#share(12, y)), (i) => `文化月坛（第${i + 1}期）`],
      ['other', k(30), (i) => `委员活动：${TOPICS[(i * 11) % TOPICS.length]}`],
    ];
    let n = 0;
    for (const [kind, count, title] of plan) {
      this.#meetings(
        y,
        kind,
        this.#meetingDates(y, count),
        title,
        () => true,
        () => n++,
      );
    }
    const specials = s.level === 'county' ? SPECIAL_COMMITTEES.slice(0, 5) : SPECIAL_COMMITTEES;
    for (const sc of specials) {
      this.#meetings(
        y,
        'special-committee',
        this.#meetingDates(y, k(4)),
        (i) => `${sc}会议（第${i + 1}次）`,
        (m) => m.specials.includes(sc),
        () => n++,
      );
    }
    for (const [sector] of SECTORS) {
      this.#meetings(
        y,
        'sector',
        this.#meetingDates(y, k(2)),
        (i) => `${sector}界别活动（第${i + 1}次）`,
        (m) => m.sector === sector,
        () => n++,
      );
    }
  }

  #meetings(
    y: number,
    kind: string,
    dates: readonly string[],
    title: (i: number) => string,
    eligible: (m: SampleMember) => boolean,
    nextId: () => number,
  ): void {
    const r = this.#r;
    const s = this.#spec;
    for (const [i, on] of dates.entries()) {
      const meetingId = `${s.committeeId}-${y}-${kind}-${String(nextId()).padStart(4, '0')}`;
      this.#emit(
        'ScheduleMeeting',
        { meetingId, committeeId: s.committeeId, kind, title: title(i), startsOn: on, term: s.term },
        OFFICE.secretariat,
        recordedOn(on, -7),
      );
      const seated = this.#seated(on).filter((m) => !m.inactive && eligible(m));
      let invited: { m: SampleMember; capacity: 'member' | 'observer' }[];
      if (kind === 'standing') {
        invited = seated
          .filter((m) => this.#standingOn(m, on))
          .map((m) => ({ m, capacity: 'member' as const }));
        for (const m of r.sampleWeighted(
          seated.filter((m) => !this.#standingOn(m, on)),
          3,
          (x) => x.weight,
        ))
          invited.push({ m, capacity: 'observer' });
      } else if (kind === 'chairman') {
        invited = r
          .sampleWeighted(seated, r.int(3, 6), (x) => x.weight)
          .map((m) => ({ m, capacity: 'observer' as const }));
      } else if (kind === 'special-committee' || kind === 'sector') {
        invited = seated.filter(() => r.chance(0.6)).map((m) => ({ m, capacity: 'member' as const }));
      } else {
        const size = kind === 'study' ? r.int(60, 160) : kind === 'research' ? r.int(8, 20) : r.int(12, 35);
        invited = r
          .sampleWeighted(seated, Math.round(size * Math.sqrt(s.members / 851)), (x) => x.weight)
          .map((m) => ({ m, capacity: 'member' as const }));
      }
      const recordedAt = recordedOn(on, r.int(1, 4));
      const present: SampleMember[] = [];
      for (const { m, capacity } of invited) {
        const roll = r.next();
        const channel =
          kind === 'study' && r.chance(0.3) ? 'video' : title(i).includes('网络') ? 'online' : 'in-person';
        if (this.#leaveOn(m, on) || (roll > 0.9 && roll <= 0.98)) {
          this.#attend(meetingId, m, recordedAt, 'excused', {
            capacity,
            leaveReason: this.#excuse(m, on).leaveReason,
          });
        } else if (roll > 0.98 && capacity === 'member') {
          this.#attend(meetingId, m, recordedAt, 'absent', { capacity });
        } else {
          present.push(m);
          this.#attend(meetingId, m, recordedAt, 'present', { capacity, channel });
        }
      }
      const speakers =
        kind === 'standing'
          ? 6
          : kind === 'consultation'
            ? 5
            : kind === 'research' || kind === 'inspection'
              ? 1
              : 0;
      for (const [j, m] of r.sampleWeighted(present, speakers, (x) => x.weight).entries()) {
        const written = kind === 'consultation' && j >= 3;
        this.#emit(
          'RecordSpeech',
          {
            meetingId,
            memberId: m.id,
            mode: written ? 'written' : 'oral',
            ...(written ? { listed: j === 3 } : {}),
          },
          OFFICE.secretariat,
          recordedOn(on, 5),
        );
      }
    }
  }

  #proposals(y: number, plenaryOn: string): void {
    const r = this.#r;
    const s = this.#spec;
    const total = s.proposals.session + s.proposals.interim;
    // Chongqing 2019: 1,674 received, 170 collective of which 156 filed; of 1,504 from members 804 filed and 264 merged.
    const collective = Math.round(total * (170 / 1674));
    const fromMembers = total - collective;
    const kinds = r.shuffle([
      ...Array<string>(Math.round(collective * (156 / 170))).fill('c-filed'),
      ...Array<string>(collective - Math.round(collective * (156 / 170))).fill('c-not-filed'),
      ...Array<string>(Math.round(fromMembers * (804 / 1504))).fill('filed'),
      ...Array<string>(Math.round(fromMembers * (264 / 1504))).fill('merged'),
    ]);
    while (kinds.length < total)
      kinds.push(
        r.weighted([
          ['converted', 60],
          ['not-filed', 33],
          ['returned', 7],
        ] as const),
      );
    const filedCount = kinds.filter((k) => k === 'filed' || k === 'c-filed').length;
    const filedCategories = r.shuffle(
      [...apportion(filedCount, CATEGORY_SHARES)].flatMap(([c, n]) => Array<string>(n).fill(c)),
    );
    const ids: {
      id: string;
      kind: string;
      category: string;
      on: string;
      decidedOn: string;
      lead?: SampleMember;
    }[] = [];
    const sessionDates = (i: number) => addDays(plenaryOn, i % 5);
    for (let i = 0; i < total; i++) {
      const kind = kinds[i]!;
      const interim = i >= s.proposals.session;
      const on = interim ? ymd(y, r.int(3, 11), r.int(1, 28)) : sessionDates(i);
      const category =
        kind === 'filed' || kind === 'c-filed' ? filedCategories.pop()! : r.weighted(CATEGORY_SHARES);
      const id = `${s.committeeId}-${y}-p${String(i + 1).padStart(4, '0')}`;
      const seated = this.#seated(on).filter((m) => !m.inactive);
      const topic = TOPICS[i % TOPICS.length];
      const base = {
        proposalId: id,
        committeeId: s.committeeId,
        title: `关于推进${topic}的提案`,
        category,
        submittedOn: on,
        timing: interim ? 'interim' : 'session',
      };
      let lead: SampleMember | undefined;
      if (kind.startsWith('c-')) {
        const body = r.chance(0.5) ? r.weighted(SECTORS.slice(1, 9)) : r.pick(SPECIAL_COMMITTEES);
        const pool = seated.filter((m) => m.sector === body || m.specials.includes(body));
        const main = r.sampleWeighted(pool.length > 0 ? pool : seated, r.int(1, 3), (m) => m.weight);
        this.#emit(
          'SubmitProposal',
          { ...base, proposerType: 'collective', collectiveBody: body, mainMemberIds: main.map((m) => m.id) },
          OFFICE.proposals,
          recordedOn(on, 1),
        );
      } else {
        lead = r.sampleWeighted(seated, 1, (m) => m.weight)[0]!;
        if (r.chance(0.3)) {
          const co = r.sampleWeighted(
            seated.filter((m) => m !== lead),
            r.int(1, 4),
            (m) => m.weight,
          );
          this.#emit(
            'SubmitProposal',
            { ...base, proposerType: 'joint', leadMemberId: lead.id, coSignerIds: co.map((m) => m.id) },
            OFFICE.proposals,
            recordedOn(on, 1),
          );
        } else {
          this.#emit(
            'SubmitProposal',
            { ...base, proposerType: 'individual', leadMemberId: lead.id },
            OFFICE.proposals,
            recordedOn(on, 1),
          );
        }
      }
      ids.push({ id, kind, category, on, decidedOn: addDays(on, r.int(35, 55)), ...(lead ? { lead } : {}) });
    }
    const filed = ids.filter((p) => p.kind === 'filed' || p.kind === 'c-filed');
    for (const p of ids) {
      const decision = p.kind === 'c-filed' ? 'filed' : p.kind === 'c-not-filed' ? 'not-filed' : p.kind;
      if (decision === 'merged') continue;
      this.#emit(
        'ReviewProposal',
        { proposalId: p.id, decision, decidedOn: p.decidedOn },
        OFFICE.proposals,
        recordedOn(p.decidedOn, 1),
      );
    }
    for (const p of ids.filter((x) => x.kind === 'merged')) {
      const sameCategory = filed.filter((f) => f.category === p.category);
      const target = r.pick(sameCategory.length > 0 ? sameCategory : filed);
      const decidedOn = [p.decidedOn, addDays(target.decidedOn, 2)].sort()[1]!;
      this.#emit(
        'ReviewProposal',
        { proposalId: p.id, decision: 'merged', decidedOn, mergedInto: target.id },
        OFFICE.proposals,
        recordedOn(decidedOn, 1, 30),
      );
    }
    const chosen = r.shuffle(filed.filter((p) => p.on <= addDays(plenaryOn, 4)));
    const key = chosen.slice(0, Math.round(filed.length * (20 / 960)));
    for (const p of key) {
      const on = addDays(p.decidedOn, r.int(20, 40));
      this.#emit('MarkKeyProposal', { proposalId: p.id, markedOn: on }, OFFICE.proposals, recordedOn(on, 1));
      if (r.chance(0.6)) {
        const instructed = addDays(on, 10);
        this.#emit(
          'RecordLeaderInstruction',
          { subjectKind: 'proposal', subjectId: p.id, level: 'provincial', instructedOn: instructed },
          OFFICE.proposals,
          recordedOn(instructed, 1),
        );
      }
    }
    for (const p of chosen.slice(key.length, key.length + Math.round(filed.length * 0.03))) {
      const on = ymd(y, 12, r.int(10, 18));
      this.#emit('AwardProposal', { proposalId: p.id, awardedOn: on }, OFFICE.proposals, recordedOn(on, 1));
    }
    const ratings = r.shuffle(
      [
        ...apportion(filed.length, [
          ['satisfied', 95.6],
          ['basically-satisfied', 3.6],
          ['unsatisfied', 0.8],
        ]),
      ].flatMap(([k, n]) => Array<string>(n).fill(k)),
    );
    for (const p of filed) {
      const answered = addDays(p.decidedOn, r.int(60, 150));
      this.#emit(
        'AnswerProposal',
        {
          proposalId: p.id,
          result: r.weighted([
            ['solved', 45],
            ['planned', 40],
            ['reference', 15],
          ] as const),
          answeredOn: answered,
        },
        OFFICE.proposals,
        recordedOn(answered, 2),
      );
      const given = addDays(answered, r.int(5, 10));
      this.#emit(
        'RecordProposerFeedback',
        { proposalId: p.id, rating: ratings.pop()!, givenOn: given },
        OFFICE.proposals,
        recordedOn(given, 1),
      );
    }
    const converted = ids.find((p) => p.kind === 'not-filed');
    if (converted) {
      this.corrections.push({
        target: { type: 'ProposalReviewed', match: { proposalId: converted.id } },
        command: 'CorrectRecord',
        data: {
          data: { decision: 'converted' },
          reason: '经复核，应转为社情民意信息 (on review, converted rather than not filed)',
          approvedBy: '提案委员会主任',
        },
        meta: { recordedBy: OFFICE.proposals, recordedAt: recordedOn(converted.decidedOn, 30) },
      });
    }
  }

  #opinions(y: number): void {
    const r = this.#r;
    const s = this.#spec;
    const count = Math.round(s.members * 1.7);
    for (let i = 0; i < count; i++) {
      const on = this.#inTerm(ymd(y, r.int(1, 11), r.int(1, 28)));
      const seated = this.#seated(on).filter((m) => !m.inactive);
      const authors = r.sampleWeighted(
        seated,
        r.weighted([
          [1, 70],
          [2, 20],
          [3, 10],
        ] as const),
        (m) => m.weight,
      );
      const opinionId = `${s.committeeId}-${y}-o${String(i + 1).padStart(4, '0')}`;
      this.#emit(
        'SubmitOpinion',
        {
          opinionId,
          committeeId: s.committeeId,
          authorIds: authors.map((m) => m.id),
          title: `关于${TOPICS[(i * 13) % TOPICS.length]}的社情民意`,
          submittedOn: on,
        },
        OFFICE.opinions,
        recordedOn(on, 1),
      );
      let last = on;
      for (const [level, p] of s.adoptionLevels) {
        if (!r.chance(p)) continue;
        last = addDays(last, r.int(10, 40));
        this.#emit(
          'AdoptOpinion',
          { opinionId, level, adoptedOn: last },
          OFFICE.opinions,
          recordedOn(last, 1),
        );
        if (r.chance(0.1)) {
          const instructed = addDays(last, 5);
          this.#emit(
            'RecordLeaderInstruction',
            { subjectKind: 'opinion', subjectId: opinionId, level, instructedOn: instructed },
            OFFICE.opinions,
            recordedOn(instructed, 1),
          );
        }
      }
    }
  }

  #memberRecords(y: number): void {
    const r = this.#r;
    const s = this.#spec;
    const active = (on: string) => this.#seated(on).filter((m) => !m.inactive);
    for (let i = 0; i < Math.round(s.members * 0.4); i++) {
      const on = this.#inTerm(ymd(y, r.int(1, 12), r.int(1, 28)));
      const m = r.sampleWeighted(active(on), 1, (x) => x.weight)[0]!;
      const [outlet, level] = r.pick(OUTLETS);
      const publicityId = `${s.committeeId}-${y}-pub${String(i + 1).padStart(4, '0')}`;
      this.#emit(
        'RecordPublicity',
        {
          publicityId,
          memberId: m.id,
          kind: r.pick(['article', 'interview', 'report']),
          outlet,
          level,
          publishedOn: on,
        },
        OFFICE.publicity,
        recordedOn(on, 3),
      );
      if (i === 7) {
        this.corrections.push({
          target: { type: 'PublicityRecorded', match: { publicityId } },
          command: 'RetractRecord',
          data: { reason: '重复登记 (recorded twice under another number)', approvedBy: '宣传处处长' },
          meta: { recordedBy: OFFICE.publicity, recordedAt: recordedOn(on, 20) },
        });
      }
    }
    for (let i = 0; i < Math.round(s.members * 0.35); i++) {
      const on = this.#inTerm(ymd(y, r.int(1, 12), r.int(1, 28)));
      const m = r.sampleWeighted(active(on), 1, (x) => x.weight)[0]!;
      this.#emit(
        'RecordPublicWelfare',
        {
          activityId: `${s.committeeId}-${y}-pw${String(i + 1).padStart(4, '0')}`,
          memberId: m.id,
          title: r.pick(['助学帮扶', '义诊', '乡村振兴结对帮扶', '慈善捐赠', '法律援助']),
          on,
        },
        OFFICE.liaison,
        recordedOn(on, 3),
      );
    }
    for (let i = 0; i < Math.max(1, Math.round(s.members * 0.02)); i++) {
      const on = ymd(y, r.int(3, 12), r.int(1, 28));
      const m = r.sampleWeighted(active(on), 1, (x) => x.weight)[0]!;
      this.#emit(
        'RecordHonour',
        {
          honourId: `${s.committeeId}-${y}-h${i + 1}`,
          memberId: m.id,
          title: r.pick(['优秀政协委员', '履职先进个人', '劳动模范']),
          level: r.pick(['city', 'provincial']),
          awardedOn: on,
        },
        OFFICE.liaison,
        recordedOn(on, 3),
      );
    }
    const talkOn = ymd(y, 11, 15);
    const quiet = active(talkOn)
      .sort((a, b) => a.weight - b.weight)
      .slice(0, Math.max(1, Math.round(s.members * 0.006)));
    for (const [i, m] of quiet.entries()) {
      this.#emit(
        'RecordTalk',
        {
          talkId: `${s.committeeId}-${y}-t${i + 1}`,
          committeeId: s.committeeId,
          memberId: m.id,
          kind: 'reminder',
          heldBy: '专委会主任',
          heldOn: talkOn,
        },
        OFFICE.liaison,
        recordedOn(talkOn, 2),
      );
    }
    const reportOn = ymd(y, 12, 15);
    for (const m of this.#seated(reportOn).filter((x) => this.#standingOn(x, reportOn))) {
      const on = addDays(reportOn, r.int(0, 12));
      this.#emit(
        'SubmitAnnualReport',
        {
          reportId: `${s.committeeId}-${y}-ar-${m.id}`,
          memberId: m.id,
          committeeId: s.committeeId,
          year: y,
          submittedOn: on,
        },
        OFFICE.liaison,
        recordedOn(on, 1),
      );
    }
  }
}
