import type { DataOf } from '../scope/archiveScope.ts';

/**
 * The member's place on a proposal: individual proposer, lead (领衔) or co-signer (附议) of a joint one, one of
 * the first three named main members of a collective one (credited), or a further named member (not credited).
 */
export type ProposalRole = 'individual' | 'lead' | 'co-signer' | 'main-member' | 'named-member';

/** How many named main members of a collective proposal are credited with it. */
export const CREDITED_MAIN_MEMBERS = 3;

/**
 * The member's role on a proposal and their 1-based place among its signatories (lead first) or its named main
 * members, or undefined when the proposal does not name them.
 */
export function roleOn(
  proposal: DataOf<'ProposalSubmitted'>,
  memberId: string,
): { readonly role: ProposalRole; readonly position: number } | undefined {
  if (proposal.proposerType === 'collective') {
    const i = ((proposal.mainMemberIds ?? []) as readonly string[]).indexOf(memberId);
    if (i < 0) return undefined;
    return { role: i < CREDITED_MAIN_MEMBERS ? 'main-member' : 'named-member', position: i + 1 };
  }
  if (proposal.leadMemberId === memberId) {
    return { role: proposal.proposerType === 'individual' ? 'individual' : 'lead', position: 1 };
  }
  const i = ((proposal.coSignerIds ?? []) as readonly string[]).indexOf(memberId);
  return i < 0 ? undefined : { role: 'co-signer', position: i + 2 };
}

/** True when a role earns credit for the proposal in totals and evaluations. */
export function isCredited(role: ProposalRole): boolean {
  return role !== 'named-member';
}
