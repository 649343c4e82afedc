import type { ModelCommand } from './dutyModel.ts';

/**
 * Disagreements between the model and the real deciders that are defects of the deciders (the model follows
 * DOMAIN.md), reported and awaiting a fix in `packages/core`. Each is matched narrowly; a run that meets one
 * counts it and goes on with what the system did, and `modelBasedDeciders.test.ts` pins each with its minimal
 * example, a test that starts failing once the decider is fixed (then remove the entry).
 */
export interface KnownDefect {
  readonly id: string;
  readonly description: string;
  /** True when this disagreement is this defect. */
  readonly matches: (command: ModelCommand, allowed: ReadonlySet<string>, got: string) => boolean;
  /** A minimal sequence that shows it (the last command is the one the system gets wrong). */
  readonly example: readonly ModelCommand[];
}

const PROPOSER_RULES = new Set([
  'lead-required',
  'field-not-allowed',
  'cosigner-required',
  'collective-body-required',
  'too-many-main-members',
  'proposers-not-distinct',
  'unknown-member',
  'not-seated',
]);

const c = (command: string, data: Record<string, unknown>): ModelCommand => ({ command, data });
const FRAME = [
  c('RegisterCommittee', { committeeId: 'cq', name: '重庆市政协', level: 'prefectural' }),
  c('OpenTerm', { committeeId: 'cq', term: 5, startsOn: '2018-01-15', endsOn: '2022-12-31' }),
  c('AppointMember', {
    memberId: 'm1',
    name: '委员m1',
    committeeId: 'cq',
    term: 5,
    sector: '经济界',
    standing: false,
    appointedOn: '2019-07-01',
  }),
];
/** The id the runner's generator gives the n-th recorded event (the committee's registration is the first). */
const eventNo = (n: number) => `0190a0b0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** Defects of the deciders the model meets today, tolerated where they match narrowly: none. */
export const KNOWN_DEFECTS: readonly KnownDefect[] = [];

/**
 * Defects the model found and that were fixed in `packages/core` (each example's last command is now decided
 * as the model says): kept as regression cases.
 */
export const FIXED_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'rerecord-refused-after-later-change',
    description:
      'Re-recording an accepted command is refused, where the record format promises a no-op, once later records changed what its rules look at: an attendance after a long leave or an end of membership declared later covers its date (on-long-leave, not-seated), a review after its submission was retracted (unknown-proposal)',
    matches: (_command, allowed, got) =>
      allowed.size === 1 && allowed.has('no-op') && got !== 'recorded' && got !== 'no-op',
    example: [
      ...FRAME,
      c('ScheduleMeeting', {
        meetingId: 'g1',
        committeeId: 'cq',
        kind: 'plenary',
        title: '会议g1',
        startsOn: '2019-09-20',
        term: 5,
      }),
      c('RecordAttendance', {
        meetingId: 'g1',
        memberId: 'm1',
        status: 'present',
        capacity: 'member',
        channel: 'in-person',
      }),
      c('DeclareLongLeave', { memberId: 'm1', from: '2019-09-05', to: '2019-10-25', reason: 'illness' }),
      c('RecordAttendance', {
        meetingId: 'g1',
        memberId: 'm1',
        status: 'present',
        capacity: 'member',
        channel: 'in-person',
      }),
    ],
  },
  {
    id: 'resubmission-after-retraction-unchecked',
    description:
      'SubmitProposal / SubmitOpinion under an id whose submission was retracted skips the proposer and author checks (proposer type rules, unknown or unseated members) and records the new submission anyway',
    matches: (command, allowed, got) =>
      (command.command === 'SubmitProposal' || command.command === 'SubmitOpinion') &&
      got === 'recorded' &&
      [...allowed].every((code) => PROPOSER_RULES.has(code)),
    example: [
      ...FRAME,
      c('SubmitOpinion', {
        opinionId: 'o1',
        committeeId: 'cq',
        authorIds: ['m1'],
        title: '关于社区养老的建议',
        submittedOn: '2019-10-10',
      }),
      c('RetractRecord', { eventId: eventNo(4), reason: '记录有误', approvedBy: '提案委员会' }),
      // m2 was never appointed: refused before the retraction, recorded after it.
      c('SubmitOpinion', {
        opinionId: 'o1',
        committeeId: 'cq',
        authorIds: ['m2'],
        title: '关于社区养老的建议',
        submittedOn: '2019-10-10',
      }),
    ],
  },
  {
    id: 'membership-ends-outside-itself',
    description:
      'EndMembership naming its term accepts an effectiveOn before the appointment or after the end of the term (a membership ending before it began)',
    matches: (command, allowed, got) =>
      command.command === 'EndMembership' &&
      got === 'recorded' &&
      [...allowed].every((code) => ['not-seated', 'outside-term', 'invalid-date-range'].includes(code)),
    example: [
      ...FRAME,
      c('EndMembership', {
        memberId: 'm1',
        committeeId: 'cq',
        term: 5,
        reason: 'resigned',
        effectiveOn: '2018-12-15',
      }),
    ],
  },
];
