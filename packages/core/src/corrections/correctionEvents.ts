import { z } from 'zod';
import { Actor, EventId } from '../ids/ids.ts';
import { Instant } from '../time/localDate.ts';

const amendment = {
  eventId: EventId,
  reason: z.string().min(1).max(2000),
  approvedBy: Actor,
  /** The type of the amended event. */
  targetType: z.string(),
  occurredAt: Instant,
};

/** A record was retracted (撤销), with the reason and who approved it. */
export const RecordRetracted = z.strictObject(amendment);
export type RecordRetracted = z.infer<typeof RecordRetracted>;
/** A record was corrected (更正): `data` holds the corrected fields. */
export const RecordCorrected = z.strictObject({
  ...amendment,
  data: z.record(z.string(), z.unknown()),
  /** The act's new `occurredAt` when the correction changed its date. */
  correctedOccurredAt: Instant.optional(),
});
export type RecordCorrected = z.infer<typeof RecordCorrected>;
