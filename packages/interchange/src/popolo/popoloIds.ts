import { streamIds } from '@lvzhi/core';

/**
 * Ids of the Popolo document: a member, a committee, a meeting and a proposal keep their stream ids
 * (`member-m-001`, `committee-cq`, …); bodies within a committee and terms are paths below it.
 */
export const popoloIds = {
  person: (memberId: string): string => streamIds.member(memberId),
  committee: (committeeId: string): string => streamIds.committee(committeeId),
  sector: (committeeId: string, sector: string): string =>
    `${streamIds.committee(committeeId)}/sector/${sector}`,
  specialCommittee: (committeeId: string, name: string): string =>
    `${streamIds.committee(committeeId)}/special-committee/${name}`,
  party: (party: string): string => `party/${party}`,
  term: (committeeId: string, term: number): string => `${streamIds.committee(committeeId)}/term/${term}`,
  meeting: (meetingId: string): string => streamIds.meeting(meetingId),
  proposal: (proposalId: string): string => streamIds.proposal(proposalId),
  /** A membership or speech: named after the event that recorded it. */
  recorded: (kind: string, eventId: string): string => `${kind}/${eventId}`,
} as const;
