import { eventFingerprint } from '../commandHandling/fingerprint.ts';
import { type Amendments, amend, currentData, NO_AMENDMENTS } from '../corrections/amendments.ts';
import type { MeetingScheduled } from './meetingCommands.ts';

/** What deciders know of a meeting. */
export interface MeetingState {
  readonly scheduled: { readonly eventId: string; readonly data: MeetingScheduled } | undefined;
  readonly fingerprint: string | undefined;
  /** Who recorded the scheduling: the organiser, who may record the meeting's attendance. */
  readonly scheduledBy: string | undefined;
  readonly amendments: Amendments;
}

/** A meeting never scheduled. */
export const initialMeetingState: MeetingState = {
  scheduledBy: undefined,
  scheduled: undefined,
  fingerprint: undefined,
  amendments: NO_AMENDMENTS,
};

/** Folds one event of a `meeting-<id>` stream. */
export function evolveMeeting(
  state: MeetingState,
  event: {
    readonly eventId: string;
    readonly type: string;
    readonly data: unknown;
    readonly metadata?: { readonly recordedBy: string };
  },
): MeetingState {
  if (event.type === 'MeetingScheduled') {
    const data = event.data as MeetingScheduled;
    return {
      ...state,
      scheduledBy: event.metadata?.recordedBy,
      scheduled: { eventId: event.eventId, data },
      fingerprint: eventFingerprint(data, ['occurredAt']),
    };
  }
  const amendments = amend(state.amendments, event);
  return amendments === state.amendments ? state : { ...state, amendments };
}

/** The meeting as currently recorded (corrections applied), or undefined if never scheduled or retracted. */
export function currentMeeting(state: MeetingState): MeetingScheduled | undefined {
  const s = state.scheduled;
  if (!s || state.amendments.retracted.has(s.eventId)) return undefined;
  return currentData(state.amendments, s.eventId, s.data);
}
