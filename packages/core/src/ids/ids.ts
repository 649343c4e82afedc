import { z } from 'zod';

const idText = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\s\p{Cc}\p{Cf}]+$/u, 'an id has no spaces or control characters');

/** A committee's id (委员会). */
export const CommitteeId = idText.brand<'CommitteeId'>();
export type CommitteeId = z.infer<typeof CommitteeId>;
/** A member's id (委员), the same across committees and terms. */
export const MemberId = idText.brand<'MemberId'>();
export type MemberId = z.infer<typeof MemberId>;
/** A meeting's or activity's id. */
export const MeetingId = idText.brand<'MeetingId'>();
export type MeetingId = z.infer<typeof MeetingId>;
/** A proposal's id (提案). */
export const ProposalId = idText.brand<'ProposalId'>();
export type ProposalId = z.infer<typeof ProposalId>;
/** A 社情民意 item's id (social conditions and public opinion). */
export const OpinionId = idText.brand<'OpinionId'>();
export type OpinionId = z.infer<typeof OpinionId>;
/** Any other business id: publicity, public welfare, talk, honour, annual report. */
export const RecordId = idText.brand<'RecordId'>();
export type RecordId = z.infer<typeof RecordId>;
/** An event's id (UUID). */
export const EventId = z.uuid().brand<'EventId'>();
export type EventId = z.infer<typeof EventId>;
/** A term number (届). */
export const TermNumber = z.int().min(1).max(999);
/** A person or office who records or approves (记录人/审批人). */
export const Actor = z.string().min(1).max(200);

/** Stream ids, one helper per category: `category-<id>`. */
export const streamIds = {
  committee: (id: string): string => `committee-${id}`,
  member: (id: string): string => `member-${id}`,
  meeting: (id: string): string => `meeting-${id}`,
  proposal: (id: string): string => `proposal-${id}`,
  opinion: (id: string): string => `opinion-${id}`,
} as const;

/** The category of a stream: the part of its id before the first `-`. */
export type StreamCategory = keyof typeof streamIds;

/** Splits a stream id into its category and entity id; undefined for a stream of no known category. */
export function parseStreamId(streamId: string): { category: StreamCategory; id: string } | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 0) return undefined;
  const category = streamId.slice(0, dash);
  if (!(category in streamIds)) return undefined;
  return { category: category as StreamCategory, id: streamId.slice(dash + 1) };
}
