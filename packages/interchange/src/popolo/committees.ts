import { committeeInfo, type DutyRecordState } from '@lvzhi/core';
import { popoloDate } from './popoloDates.ts';
import { popoloIds } from './popoloIds.ts';
import type { PopoloEvent, PopoloOrganization } from './popoloTypes.ts';

/** Every registered committee as an organization, and each of its terms (届) as a `legislative period` event. */
export function committeesToPopolo(state: DutyRecordState): {
  readonly organizations: PopoloOrganization[];
  readonly terms: PopoloEvent[];
} {
  const organizations: PopoloOrganization[] = [];
  const terms: PopoloEvent[] = [];
  for (const committeeId of state.committees) {
    const info = committeeInfo(state, committeeId);
    if (!info) continue;
    organizations.push({
      id: popoloIds.committee(committeeId),
      name: info.name,
      classification: 'committee',
      identifiers: [{ scheme: 'lvzhi-committee', identifier: committeeId }],
    });
    for (const t of [...info.terms].sort((a, b) => a.term - b.term)) {
      terms.push({
        id: popoloIds.term(committeeId, t.term),
        name: `${info.name}第${t.term}届`,
        classification: 'legislative period',
        organization_id: popoloIds.committee(committeeId),
        start_date: popoloDate(t.startsOn),
        end_date: popoloDate(t.endsOn),
      });
    }
  }
  return { organizations, terms };
}
