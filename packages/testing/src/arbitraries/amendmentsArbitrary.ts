import { EVENT_SCHEMAS, type RecordedEvent } from '@lvzhi/core';
import fc from 'fast-check';
import type { RecordLine } from './recordLine.ts';
import { fieldArbitrary, textUnit } from './schemaArbitrary.ts';

const S = EVENT_SCHEMAS;
const text = fc.string({ unit: textUnit, minLength: 1, maxLength: 12 });
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map((f) => f + 0);

/** Acts nothing else depends on: retracting one leaves every other record of a history valid. */
const RETRACTABLE: ReadonlySet<string> = new Set([
  'AttendanceRecorded',
  'SpeechRecorded',
  'PublicityRecorded',
  'PublicWelfareRecorded',
  'TalkRecorded',
  'HonourRecorded',
  'AnnualReportSubmitted',
  'ProposalMarkedKey',
  'ProposalAwarded',
  'ProposerFeedbackRecorded',
  'OpinionAdopted',
  'LeaderInstructionRecorded',
]);

/** Per event type, corrections of fields that no rule or other record depends on. */
const CORRECTIONS: Readonly<
  Record<string, (data: Readonly<Record<string, unknown>>) => fc.Arbitrary<object>>
> = {
  AttendanceRecorded: (d) =>
    fc.oneof(
      fc.record({ channel: fieldArbitrary(S.AttendanceRecorded.shape.channel) }),
      fc.record({ fractionAttended: fraction }),
      ...(d.status === 'excused'
        ? [fc.record({ leaveReason: fieldArbitrary(S.AttendanceRecorded.shape.leaveReason) })]
        : []),
    ),
  MeetingScheduled: () => fc.record({ title: text }),
  MemberAppointed: () => fc.oneof(fc.record({ name: text }), fc.record({ sector: text, party: text })),
  ProposalSubmitted: () =>
    fc.oneof(
      fc.record({ title: text }),
      fc.record({ category: fieldArbitrary(S.ProposalSubmitted.shape.category) }),
    ),
  ProposalAnswered: () => fc.record({ result: fieldArbitrary(S.ProposalAnswered.shape.result) }),
  ProposerFeedbackRecorded: () =>
    fc.record({ rating: fieldArbitrary(S.ProposerFeedbackRecorded.shape.rating) }),
  OpinionSubmitted: () => fc.record({ title: text }),
  PublicityRecorded: () => fc.record({ outlet: text, kind: fieldArbitrary(S.PublicityRecorded.shape.kind) }),
  PublicWelfareRecorded: () => fc.record({ title: text }),
  HonourRecorded: () => fc.record({ title: text }),
  TalkRecorded: () => fc.record({ heldBy: text }),
};

/**
 * Valid retractions and corrections of some of `events` (recorded events of a history), each event amended at
 * most once, such that every other record of the history stays valid: only acts nothing depends on are
 * retracted, and only fields no rule depends on are corrected.
 */
export function amendmentsArbitrary(
  events: readonly RecordedEvent[],
  meta: RecordLine['meta'] = { recordedBy: '秘书处' },
): fc.Arbitrary<RecordLine[]> {
  const candidates = events.filter((e) => RETRACTABLE.has(e.type) || e.type in CORRECTIONS);
  const reason = text;
  const approvedBy = text;
  return fc.subarray(candidates, { maxLength: Math.min(6, candidates.length) }).chain((targets) =>
    fc.tuple(
      ...targets.map((e): fc.Arbitrary<RecordLine> => {
        const retract = fc
          .record({ reason, approvedBy })
          .map((r): RecordLine => ({ command: 'RetractRecord', data: { eventId: e.eventId, ...r }, meta }));
        const correctionOf = CORRECTIONS[e.type];
        if (!correctionOf) return retract;
        const correct = fc
          .record({ data: correctionOf(e.data as Record<string, unknown>), reason, approvedBy })
          .map((r): RecordLine => ({ command: 'CorrectRecord', data: { eventId: e.eventId, ...r }, meta }));
        return RETRACTABLE.has(e.type) ? fc.oneof(retract, correct) : correct;
      }),
    ),
  );
}
