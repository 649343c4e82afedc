import { committeeInfo, DEFAULT_TIME_ZONE, type DutyRecordState, liveActs } from '@lvzhi/core';
import { popoloDateTime } from './popoloDates.ts';
import { popoloIds } from './popoloIds.ts';
import type { PopoloMotion } from './popoloTypes.ts';

/**
 * Every proposal (提案) as a motion of its committee: its title as text, its category as classification,
 * the lead member as creator (none for a collective proposal) and the latest review decision as result.
 */
export function proposalsToPopolo(state: DutyRecordState): PopoloMotion[] {
  const motions: PopoloMotion[] = [];
  for (const streamId of Object.keys(state.byStream)) {
    if (!streamId.startsWith('proposal-')) continue;
    const acts = liveActs(state, state.byStream[streamId]);
    const submitted = acts.find((a) => a.type === 'ProposalSubmitted');
    if (!submitted) continue;
    const d = submitted.data;
    const committeeId = d.committeeId as string;
    const timeZone = committeeInfo(state, committeeId)?.timeZone ?? DEFAULT_TIME_ZONE;
    const review = acts.findLast((a) => a.type === 'ProposalReviewed');
    motions.push({
      id: popoloIds.proposal(d.proposalId as string),
      organization_id: popoloIds.committee(committeeId),
      identifier: d.proposalId as string,
      text: d.title as string,
      classification: d.category as string,
      date: popoloDateTime(d.submittedOn as string, timeZone),
      ...(typeof d.leadMemberId === 'string' ? { creator_id: popoloIds.person(d.leadMemberId) } : {}),
      ...(review ? { result: review.data.decision as string } : {}),
    });
  }
  return motions;
}
