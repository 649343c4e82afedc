import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  InMemoryEventStore,
  type LogFilter,
  projectLog,
} from '@lvzhi/core';
import fc from 'fast-check';

/** One command of a generated history; `ref` names the command whose event a correction amends. */
export interface Cmd {
  readonly key: string;
  readonly command: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly ref?: string;
}

/**
 * A generated duty record of one committee (`c`) over 2019–2020: setup (committee, term, members, meetings,
 * leave) and independent queues of acts, one per member, proposal or 社情民意 item, each in its own order.
 */
export interface GeneratedHistory {
  readonly setup: readonly Cmd[];
  readonly queues: readonly (readonly Cmd[])[];
}

const DATES = [
  '2019-01-01',
  '2019-03-15',
  '2019-06-30',
  '2019-12-31T23:30:00+08:00',
  '2020-01-01T00:30:00+08:00',
  '2020-05-20',
];
const LATER = '2020-06-01';

/** `arb` one time in `1 + rarity`, else undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>, rarity: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: rarity }, { arbitrary: arb, weight: 1 });

const memberIds = (n: number) => Array.from({ length: n }, (_, i) => `g${i + 1}`);

const setupArb = (n: number) =>
  fc
    .record({
      members: fc.tuple(
        ...memberIds(n).map(() =>
          fc.record({
            sector: fc.constantFrom('经济界', '教育界', '农业界'),
            specialCommittees: fc.subarray(['提案委员会', '经济委员会'], { maxLength: 2 }),
            standing: fc.boolean(),
            appointedOn: fc.constantFrom(
              '2019-01-01',
              '2019-01-01',
              '2019-01-01',
              '2019-06-01',
              '2020-01-01',
            ),
          }),
        ),
      ),
      standingFrom: sometimes(fc.constantFrom('2019-04-01', '2020-02-01'), 1),
      resignedOn: sometimes(fc.constantFrom('2019-09-01', '2020-03-01'), 2),
      leave: sometimes(fc.constantFrom('illness', 'maternity', 'official-abroad'), 1),
      meetings: fc.array(
        fc.record({
          kind: fc.constantFrom('plenary', 'plenary', 'research', 'study'),
          startsOn: fc.constantFrom(...DATES.filter((d) => d >= '2019-01-01')),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map((s) => {
      const ids = memberIds(n);
      const setup: Cmd[] = [
        {
          key: 'committee',
          command: 'RegisterCommittee',
          data: { committeeId: 'c', name: '某市政协', level: 'prefectural' },
        },
        {
          key: 'term',
          command: 'OpenTerm',
          data: { committeeId: 'c', term: 1, startsOn: '2019-01-01', endsOn: '2023-12-31' },
        },
        ...s.members.map((m, i) => ({
          key: `appoint-${ids[i]}`,
          command: 'AppointMember',
          data: { memberId: ids[i], name: `委员${i + 1}`, committeeId: 'c', term: 1, ...m },
        })),
        ...s.meetings.map((m, i) => ({
          key: `meeting-M${i}`,
          command: 'ScheduleMeeting',
          data: { meetingId: `M${i}`, committeeId: 'c', title: `会议${i}`, term: 1, ...m },
        })),
      ];
      if (s.standingFrom) {
        setup.push({
          key: 'standing',
          command: 'SetStandingMember',
          data: { memberId: 'g1', committeeId: 'c', standing: true, effectiveOn: s.standingFrom },
        });
      }
      if (s.resignedOn) {
        setup.push({
          key: 'resign',
          command: 'EndMembership',
          data: { memberId: ids[n - 1], committeeId: 'c', reason: 'resigned', effectiveOn: s.resignedOn },
        });
      }
      if (s.leave) {
        setup.push({
          key: 'leave',
          command: 'DeclareLongLeave',
          data: { memberId: 'g2', from: '2019-05-01', to: '2019-12-31', reason: s.leave },
        });
      }
      return { setup, meetingIds: s.meetings.map((_, i) => `M${i}`) };
    });

const memberQueueArb = (memberId: string, meetingIds: readonly string[]) =>
  fc
    .record({
      attendances: fc.tuple(
        ...meetingIds.map(() =>
          sometimes(
            fc.record({
              status: fc.constantFrom('present', 'excused', 'absent'),
              channel: fc.constantFrom('in-person', 'video', 'online'),
              leaveReason: fc.constantFrom('illness', 'work', 'higher-level-meeting'),
              corrected: fc.boolean(),
              spoke: fc.boolean(),
            }),
            1,
          ),
        ),
      ),
      publicity: fc.subarray(DATES, { maxLength: 2 }),
      welfare: fc.subarray(DATES, { maxLength: 1 }),
    })
    .map((q) => {
      const cmds: Cmd[] = [];
      q.attendances.forEach((a, i) => {
        if (!a) return;
        const meetingId = meetingIds[i]!;
        const key = `att-${memberId}-${meetingId}`;
        cmds.push({
          key,
          command: 'RecordAttendance',
          data: {
            meetingId,
            memberId,
            status: a.status,
            channel: a.channel,
            ...(a.status === 'excused' ? { leaveReason: a.leaveReason } : {}),
          },
        });
        if (a.corrected && a.status === 'present') {
          cmds.push({
            key: `${key}-fix`,
            command: 'CorrectRecord',
            ref: key,
            data: { data: { status: 'absent' }, reason: '更正', approvedBy: '秘书长' },
          });
        }
        if (a.spoke) {
          cmds.push({
            key: `speech-${memberId}-${meetingId}`,
            command: 'RecordSpeech',
            data: { meetingId, memberId, mode: 'written' },
          });
        }
      });
      for (const [i, on] of q.publicity.entries()) {
        cmds.push({
          key: `pub-${memberId}-${i}`,
          command: 'RecordPublicity',
          data: {
            publicityId: `N-${memberId}-${i}`,
            memberId,
            kind: 'article',
            outlet: '日报',
            publishedOn: on,
          },
        });
      }
      for (const [i, on] of q.welfare.entries()) {
        cmds.push({
          key: `pw-${memberId}-${i}`,
          command: 'RecordPublicWelfare',
          data: { activityId: `W-${memberId}-${i}`, memberId, title: '公益', on },
        });
      }
      return cmds;
    });

const proposalQueueArb = (proposalId: string, ids: readonly string[]) =>
  fc
    .record({
      proposerType: fc.constantFrom('individual', 'joint', 'collective'),
      lead: fc.constantFrom(...ids),
      others: fc.subarray([...ids], { minLength: 1, maxLength: Math.min(3, ids.length) }),
      category: fc.constantFrom('economic', 'political', 'cultural', 'social', 'ecological', 'other'),
      timing: fc.constantFrom('session', 'interim'),
      submittedOn: fc.constantFrom(...DATES),
      decision: fc.option(fc.constantFrom('filed', 'filed', 'filed', 'converted', 'not-filed', 'returned'), {
        nil: undefined,
      }),
      correctedTo: sometimes(fc.constantFrom('filed', 'not-filed'), 3),
      key: fc.boolean(),
      award: fc.boolean(),
      instructed: fc.boolean(),
    })
    .map((p) => {
      const proposers =
        p.proposerType === 'collective'
          ? { collectiveBody: '某党派', mainMemberIds: p.others }
          : p.proposerType === 'joint'
            ? { leadMemberId: p.lead, coSignerIds: p.others.filter((o) => o !== p.lead) }
            : { leadMemberId: p.lead };
      const cmds: Cmd[] = [
        {
          key: `submit-${proposalId}`,
          command: 'SubmitProposal',
          data: {
            proposalId,
            committeeId: 'c',
            title: proposalId,
            category: p.category,
            submittedOn: p.submittedOn,
            proposerType: p.proposerType,
            timing: p.timing,
            ...proposers,
          },
        },
      ];
      if (p.decision) {
        cmds.push({
          key: `review-${proposalId}`,
          command: 'ReviewProposal',
          data: { proposalId, decision: p.decision, decidedOn: LATER },
        });
        if (p.correctedTo) {
          cmds.push({
            key: `review-${proposalId}-fix`,
            command: 'CorrectRecord',
            ref: `review-${proposalId}`,
            data: { data: { decision: p.correctedTo }, reason: '更正', approvedBy: '提案委员会' },
          });
        }
      }
      if (p.key)
        cmds.push({
          key: `key-${proposalId}`,
          command: 'MarkKeyProposal',
          data: { proposalId, markedOn: LATER },
        });
      if (p.award)
        cmds.push({
          key: `award-${proposalId}`,
          command: 'AwardProposal',
          data: { proposalId, awardedOn: LATER },
        });
      if (p.instructed) {
        cmds.push({
          key: `instr-${proposalId}`,
          command: 'RecordLeaderInstruction',
          data: { subjectKind: 'proposal', subjectId: proposalId, level: 'city', instructedOn: LATER },
        });
      }
      return cmds;
    });

const opinionQueueArb = (opinionId: string, ids: readonly string[]) =>
  fc
    .record({
      authors: fc.subarray([...ids], { minLength: 1, maxLength: 2 }),
      submittedOn: fc.constantFrom(...DATES),
      levels: fc.subarray(['county', 'city', 'provincial', 'national']),
      instructed: fc.boolean(),
    })
    .map((o) => {
      const cmds: Cmd[] = [
        {
          key: `item-${opinionId}`,
          command: 'SubmitOpinion',
          data: {
            opinionId,
            committeeId: 'c',
            authorIds: o.authors,
            title: opinionId,
            submittedOn: o.submittedOn,
          },
        },
        ...o.levels.map((level) => ({
          key: `adopt-${opinionId}-${level}`,
          command: 'AdoptOpinion',
          data: { opinionId, level, adoptedOn: LATER },
        })),
      ];
      if (o.instructed) {
        cmds.push({
          key: `instr-${opinionId}`,
          command: 'RecordLeaderInstruction',
          data: { subjectKind: 'opinion', subjectId: opinionId, level: 'provincial', instructedOn: LATER },
        });
      }
      return cmds;
    });

/** Generated histories: 2–4 members, 1–4 meetings, up to 4 proposals and 3 items, with corrections. */
export const historyArb: fc.Arbitrary<GeneratedHistory> = fc.integer({ min: 2, max: 4 }).chain((n) =>
  setupArb(n).chain(({ setup, meetingIds }) => {
    const ids = memberIds(n);
    return fc
      .record({
        members: fc.tuple(...ids.map((id) => memberQueueArb(id, meetingIds))),
        proposals: fc
          .array(fc.nat(), { maxLength: 4 })
          .chain((ps) => fc.tuple(...ps.map((_, i) => proposalQueueArb(`P${i}`, ids)))),
        opinions: fc
          .array(fc.nat(), { maxLength: 3 })
          .chain((os) => fc.tuple(...os.map((_, i) => opinionQueueArb(`O${i}`, ids)))),
      })
      .map((q) => ({
        setup,
        queues: [...q.members, ...q.proposals, ...q.opinions].filter((c) => c.length > 0),
      }));
  }),
);

/** Interleaves queues, keeping each queue's order; `picks` choose which queue goes next. */
export function interleave(queues: readonly (readonly Cmd[])[], picks: readonly number[]): Cmd[] {
  const rest = queues.map((q) => [...q]);
  const out: Cmd[] = [];
  let i = 0;
  for (;;) {
    const open = rest.filter((q) => q.length > 0);
    if (open.length === 0) return out;
    const pick = picks.length === 0 ? 0 : picks[i++ % picks.length]!;
    out.push(open[pick % open.length]!.shift()!);
  }
}

/** The result of recording commands: the store, and the event each recorded command produced. */
export interface Recorded {
  readonly store: EventStore;
  readonly events: ReadonlyMap<string, string>;
}

/**
 * Records commands through the command handler; refused commands, and corrections of commands that were not
 * recorded, are skipped (a generated history may well contain acts the deciders refuse).
 */
export async function recordCommands(
  cmds: readonly Cmd[],
  store: EventStore = new InMemoryEventStore(),
): Promise<Recorded> {
  const handler = new CommandHandler(store, { clock: () => Date.parse('2024-06-01T00:00:00Z') });
  const events = new Map<string, string>();
  for (const cmd of cmds) {
    let data = cmd.data;
    if (cmd.ref !== undefined) {
      const target = events.get(cmd.ref);
      if (target === undefined) continue;
      data = { eventId: target, ...cmd.data };
    }
    const outcome = await handler.handle({ command: cmd.command, data, meta: { recordedBy: '秘书处' } });
    if (outcome.status === 'recorded') events.set(cmd.key, outcome.events[0]!.eventId);
  }
  return { store, events };
}

/** The duty-record state folded from a store's log (or the part a filter lets through). */
export async function foldState(store: EventStore, filter: LogFilter = {}): Promise<DutyRecordState> {
  const { states } = await projectLog(store, [dutyRecordProjection], filter);
  return states.get('duty-record') as DutyRecordState;
}
