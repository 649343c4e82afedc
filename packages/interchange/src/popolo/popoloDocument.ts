import type { DutyRecordState } from '@lvzhi/core';
import { committeesToPopolo } from './committees.ts';
import { meetingsToPopolo } from './meetings.ts';
import { proposalsToPopolo } from './motions.ts';
import type { PopoloDocument } from './popoloTypes.ts';
import { seatsToPopolo } from './seats.ts';

/**
 * The duty record as a Popolo open-data document: members as persons; committees, sectors, special
 * committees and parties as organizations; seats and standing periods as memberships; terms and meetings
 * (with attendance) as events; speeches; proposals as motions.
 *
 * @example
 * const { states } = await projectLog(store, [dutyRecordProjection]);
 * const doc = toPopolo(states.get('duty-record') as DutyRecordState);
 */
export function toPopolo(state: DutyRecordState): PopoloDocument {
  const committees = committeesToPopolo(state);
  const seats = seatsToPopolo(state);
  const meetings = meetingsToPopolo(state, seats.names);
  return {
    persons: seats.persons,
    organizations: [...committees.organizations, ...seats.bodies],
    memberships: seats.memberships,
    events: [...committees.terms, ...meetings.events],
    speeches: meetings.speeches,
    motions: proposalsToPopolo(state),
  };
}
