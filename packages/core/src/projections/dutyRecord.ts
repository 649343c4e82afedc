import { mergeCorrection } from '../corrections/amendments.ts';
import type { FoldedEvent } from '../envelope/envelope.ts';
import { EVENT_TYPES, type EventType } from '../events/eventSchemas.ts';
import { defineProjection } from './projection.ts';

/** A correction or retraction as the record shows it: what, why, approved by whom, recorded when. */
export interface Amendment {
  readonly eventId: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  /** The corrected fields (corrections only). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** One recorded fact of the duty record, with its current data and its history of amendments. */
export interface RecordedAct {
  readonly eventId: string;
  readonly type: EventType;
  readonly streamId: string;
  readonly position: number;
  readonly recordedAt: string;
  /** Current data: the original with every correction merged over it. */
  data: Record<string, unknown>;
  /** The data as first recorded, kept only once corrected. */
  original?: Record<string, unknown>;
  corrections?: Amendment[];
  retraction?: Amendment;
}

/** The normalized duty record: every fact by event id, and indexes by member, entity and committee. */
export interface DutyRecordState {
  readonly acts: Record<string, RecordedAct>;
  /** memberId → event ids of the facts about or credited to the member (in log order). */
  readonly byMember: Record<string, string[]>;
  /** Stream id (`proposal-…`, `meeting-…`, `opinion-…`, `committee-…`) → event ids in log order. */
  readonly byStream: Record<string, string[]>;
  /** meetingId → event ids of the attendances and speeches at it. */
  readonly byMeeting: Record<string, string[]>;
  /** Committee ids in order of registration. */
  readonly committees: string[];
}

/** Member ids an event concerns: the member of a member-stream fact, or the members named in a proposal or item. */
export function membersNamed(type: string, data: Record<string, unknown>): string[] {
  if (type === 'ProposalSubmitted') {
    const ids = [
      data.leadMemberId,
      ...((data.coSignerIds as string[]) ?? []),
      ...((data.mainMemberIds as string[]) ?? []),
    ];
    return ids.filter((x): x is string => typeof x === 'string');
  }
  if (type === 'OpinionSubmitted') return [...(data.authorIds as string[])];
  return typeof data.memberId === 'string' ? [data.memberId] : [];
}

const push = (index: Record<string, string[]>, key: string, id: string) => {
  const list = index[key];
  if (list) list.push(id);
  else index[key] = [id];
};

/**
 * The duty record (履职记录) projection: every fact of the record format, current and with its history, that
 * the archive, the annual analysis and the evaluation query. One fold serves them all.
 */
export const dutyRecordProjection = defineProjection<DutyRecordState>({
  name: 'duty-record',
  version: 1,
  handles: new Set<string>(EVENT_TYPES),
  init: () => ({ acts: {}, byMember: {}, byStream: {}, byMeeting: {}, committees: [] }),
  apply: (state, event: FoldedEvent, ctx) => {
    if (state.acts[event.eventId]) return state;
    const data = event.data as Record<string, unknown>;
    if (event.type === 'RecordRetracted' || event.type === 'RecordCorrected') {
      const target = state.acts[data.eventId as string];
      if (!target) {
        ctx.anomaly(`${event.type} names event ${String(data.eventId)}, which this record never saw`);
        return state;
      }
      const amendment: Amendment = {
        eventId: event.eventId,
        reason: data.reason as string,
        approvedBy: data.approvedBy as string,
        recordedAt: event.metadata.recordedAt,
        recordedBy: event.metadata.recordedBy,
        ...(event.type === 'RecordCorrected' ? { data: data.data as Record<string, unknown> } : {}),
      };
      if (event.type === 'RecordRetracted') {
        target.retraction = amendment;
      } else {
        target.original ??= target.data;
        const corrected = mergeCorrection(target.data, data.data as Record<string, unknown>);
        if (typeof data.correctedOccurredAt === 'string') corrected.occurredAt = data.correctedOccurredAt;
        target.data = corrected;
        // A correction may name members the original did not (an added co-signer or author).
        const before = new Set(membersNamed(target.type, target.original));
        for (const memberId of new Set(membersNamed(target.type, corrected))) {
          if (!before.has(memberId) && !state.byMember[memberId]?.includes(target.eventId)) {
            push(state.byMember, memberId, target.eventId);
          }
        }
        target.corrections = [...(target.corrections ?? []), amendment];
      }
      return state;
    }
    const act: RecordedAct = {
      eventId: event.eventId,
      type: event.type as EventType,
      streamId: event.streamId,
      position: event.globalPosition,
      recordedAt: event.metadata.recordedAt,
      data,
    };
    state.acts[event.eventId] = act;
    if (!event.streamId.startsWith('member-')) push(state.byStream, event.streamId, event.eventId);
    for (const memberId of new Set(membersNamed(event.type, data)))
      push(state.byMember, memberId, event.eventId);
    if (event.type === 'CommitteeRegistered') state.committees.push(data.committeeId as string);
    if (event.type === 'AttendanceRecorded' || event.type === 'SpeechRecorded') {
      push(state.byMeeting, data.meetingId as string, event.eventId);
      if (!state.byStream[`meeting-${data.meetingId as string}`]) {
        ctx.anomaly(`${event.type} for meeting ${String(data.meetingId)}, which this record never saw`);
      }
    }
    return state;
  },
});

/** The live (not retracted) facts among event ids. */
export function liveActs(state: DutyRecordState, ids: readonly string[] | undefined): RecordedAct[] {
  const out: RecordedAct[] = [];
  for (const id of ids ?? []) {
    const act = state.acts[id];
    if (act && !act.retraction) out.push(act);
  }
  return out;
}
