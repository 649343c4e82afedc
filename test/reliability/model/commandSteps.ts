import fc from 'fast-check';
import {
  adoptOpinion,
  answer,
  appointMember,
  award,
  declareLongLeave,
  endMembership,
  feedback,
  LEAVES,
  markKey,
  openTerm,
  recordAttendance,
  registerCommittee,
  reviewProposal,
  scheduleMeeting,
  submitOpinion,
  submitProposal,
  TERMS,
} from './commandPools.ts';
import type { Data, DutyModel, ModelCommand } from './dutyModel.ts';

/**
 * Steps of a model-based run: a command from the pools of `commandPools.ts`, a repetition of an earlier
 * command, or a correction or retraction of an event picked when the step runs.
 */
export type Step =
  | { readonly kind: 'command'; readonly command: ModelCommand }
  | { readonly kind: 'repeat'; readonly pick: number }
  | {
      readonly kind: 'retract';
      readonly pick: number;
      readonly reason: string;
      readonly unknown: boolean;
      /** Retract an event of this command when there is one (reviews and answers have dependents). */
      readonly prefer: string | undefined;
    }
  | {
      readonly kind: 'correct';
      readonly pick: number;
      readonly identity: boolean;
      readonly unknown: boolean;
    };

const pick = fc.nat({ max: 1000 });

const base = (command: string, data: Data): Step => ({ kind: 'command', command: { command, data } });
const meetingData = (meetingId: string, committeeId: string, kind: string, startsOn: string) => ({
  meetingId,
  committeeId,
  kind,
  title: `会议${meetingId}`,
  startsOn,
  term: 5,
});
const proposalData = (proposalId: string, submittedOn: string) => ({
  proposalId,
  committeeId: 'cq',
  title: '关于加强养老服务的提案',
  category: 'social',
  submittedOn,
});
const opinionData = (opinionId: string, authorIds: readonly string[]) => ({
  opinionId,
  committeeId: 'cq',
  authorIds,
  title: '关于社区养老的建议',
  submittedOn: '2019-10-10',
});
const seat = (memberId: string, committeeId: string, appointedOn: string, standing: boolean) =>
  base('AppointMember', {
    memberId,
    name: `委员${memberId}`,
    committeeId,
    term: 5,
    sector: '经济界',
    standing,
    appointedOn,
  });

/**
 * The frame most runs need first: both committees and their terms, then some of the members appointed (m3
 * mid-term; m5 only in the district committee; m1 in both).
 */
export const setupSteps: fc.Arbitrary<Step[]> = fc
  .subarray(
    [
      seat('m1', 'cq', '2018-01-15', true),
      seat('m2', 'cq', '2018-01-15', false),
      seat('m3', 'cq', '2019-07-01', false),
      seat('m4', 'cq', '2018-01-15', true),
      seat('m1', 'yz', '2018-01-10', false),
      seat('m5', 'yz', '2018-01-10', true),
    ],
    { minLength: 3 },
  )
  .chain((seats) =>
    fc
      .subarray([
        base('ScheduleMeeting', meetingData('g1', 'cq', 'plenary', '2019-01-14')),
        base('ScheduleMeeting', meetingData('g2', 'cq', 'standing', '2019-06-20')),
        base('ScheduleMeeting', meetingData('g3', 'yz', 'inspection', '2020-03-03')),
        base('ScheduleMeeting', meetingData('g4', 'cq', 'research', '2019-04-14')),
        base('DeclareLongLeave', { memberId: 'm2', ...LEAVES[0]! }),
        base('SubmitProposal', {
          ...proposalData('p1', '2019-08-08'),
          proposerType: 'individual',
          leadMemberId: 'm1',
        }),
        base('SubmitProposal', {
          ...proposalData('p2', '2020-01-21'),
          proposerType: 'joint',
          leadMemberId: 'm2',
          coSignerIds: ['m4'],
        }),
        base('ReviewProposal', { proposalId: 'p1', decision: 'filed', decidedOn: '2019-09-13' }),
        base('SubmitOpinion', opinionData('o1', ['m1'])),
      ])
      .map((acts) => [
        base('RegisterCommittee', { committeeId: 'cq', name: '重庆市政协', level: 'prefectural' }),
        base('RegisterCommittee', { committeeId: 'yz', name: '渝中区政协', level: 'county' }),
        base('OpenTerm', TERMS[0]!),
        base('OpenTerm', TERMS[2]!),
        base('OpenTerm', TERMS[3]!),
        ...seats,
        ...acts,
      ]),
  );

const command = (arbitrary: fc.Arbitrary<ModelCommand>): fc.Arbitrary<Step> =>
  arbitrary.map((c): Step => ({ kind: 'command', command: c }));

/** Any step of a run after the setup, weighted towards the acts. */
export const anyStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: command(fc.oneof(registerCommittee, openTerm, appointMember)), weight: 2 },
  { arbitrary: command(endMembership), weight: 2 },
  { arbitrary: command(declareLongLeave), weight: 2 },
  { arbitrary: command(scheduleMeeting), weight: 3 },
  { arbitrary: command(recordAttendance), weight: 6 },
  { arbitrary: command(submitProposal), weight: 4 },
  { arbitrary: command(reviewProposal), weight: 3 },
  { arbitrary: command(fc.oneof(markKey, award, answer, feedback)), weight: 5 },
  { arbitrary: command(fc.oneof(submitOpinion, adoptOpinion)), weight: 3 },
  { arbitrary: pick.map((p): Step => ({ kind: 'repeat', pick: p })), weight: 3 },
  {
    arbitrary: fc
      .record({
        pick,
        reason: fc.constantFrom('记录有误', '重复记录'),
        unknown: fc.boolean(),
        prefer: fc.constantFrom(undefined, undefined, 'ReviewProposal', 'AnswerProposal'),
      })
      .map((r): Step => ({ kind: 'retract', ...r, unknown: r.unknown && r.pick % 5 === 0 })),
    weight: 1,
  },
  {
    arbitrary: fc.record({ pick, identity: fc.boolean(), unknown: fc.boolean() }).map(
      (r): Step => ({
        kind: 'correct',
        pick: r.pick,
        identity: r.identity && r.pick % 3 === 0,
        unknown: r.unknown && r.pick % 7 === 0,
      }),
    ),
    weight: 2,
  },
);

/** An event id no command ever records. */
const UNKNOWN_EVENT = '0190a0b0-0000-7000-8000-000000000000';
const RETRACTABLE = new Set([
  'RecordAttendance',
  'SubmitProposal',
  'ReviewProposal',
  'MarkKeyProposal',
  'AwardProposal',
  'AnswerProposal',
  'RecordProposerFeedback',
  'SubmitOpinion',
  'AdoptOpinion',
  'DeclareLongLeave',
]);

/** What a correction changes: a harmless field, or (with `identity`) which act the record is about. */
function correctionOf(command: string, data: Data, identity: boolean): Data | undefined {
  switch (command) {
    case 'RecordAttendance':
      return identity
        ? { memberId: data.memberId === 'm1' ? 'm2' : 'm1' }
        : { channel: data.channel === 'video' ? 'online' : 'video' };
    case 'SubmitProposal':
      return identity
        ? { proposalId: `${data.proposalId as string}x` }
        : { title: `${data.title as string}（修订）` };
    case 'SubmitOpinion':
      return identity
        ? { opinionId: `${data.opinionId as string}x` }
        : { title: `${data.title as string}（修订）` };
    default:
      return undefined;
  }
}

/** The command a step stands for, given what the model has recorded and the commands sent so far. */
export function resolveStep(
  step: Step,
  model: DutyModel,
  sent: readonly ModelCommand[],
): ModelCommand | undefined {
  const amend = { reason: '记录有误', approvedBy: '提案委员会' };
  switch (step.kind) {
    case 'command':
      return step.command;
    case 'repeat':
      return sent.length === 0 ? undefined : sent[step.pick % sent.length];
    case 'retract': {
      const all = model.events.filter((e) => RETRACTABLE.has(e.command));
      const preferred = all.filter((e) => e.command === step.prefer);
      const targets = preferred.length > 0 ? preferred : all;
      const target = targets.length === 0 || step.unknown ? undefined : targets[step.pick % targets.length];
      return {
        command: 'RetractRecord',
        data: { ...amend, reason: step.reason, eventId: target?.eventId ?? UNKNOWN_EVENT },
      };
    }
    case 'correct': {
      const targets = model.events.filter((e) => correctionOf(e.command, e.data, false));
      const target = targets.length === 0 || step.unknown ? undefined : targets[step.pick % targets.length];
      const data = target ? correctionOf(target.command, target.data, step.identity)! : { title: '更正' };
      return {
        command: 'CorrectRecord',
        data: { ...amend, eventId: target?.eventId ?? UNKNOWN_EVENT, data },
      };
    }
  }
}
