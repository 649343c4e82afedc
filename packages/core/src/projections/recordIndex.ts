import type { RecordedEvent } from '../envelope/envelope.ts';
import { EVENT_TYPES } from '../events/eventSchemas.ts';
import { parseStreamId, streamIds } from '../ids/ids.ts';
import { membersNamed } from './dutyRecord.ts';
import { defineProjection } from './projection.ts';

/** A set of ids as a plain object, so that it survives `JSON.stringify` and looks up in O(1). */
export type IdSet = Record<string, 1>;

/**
 * The record index (履职记录索引): which streams concern each member and each committee. It is small (one
 * entry per stream and member or committee, never per act), so it is cheap to rebuild, to keep in memory and
 * to save after a catch-up; the acts themselves stay in the log, and a query folds only the streams of its
 * scope (`loadDutyRecord`). Facts once: the index never copies them.
 */
export interface RecordIndexState {
  /** Committee ids in order of registration. */
  readonly committees: string[];
  /** memberId → the streams that concern the member: their own, proposals and items naming them, meetings they attended, their committees'. */
  readonly memberStreams: Record<string, IdSet>;
  /** committeeId → the streams recorded in or for the committee (its own, members seated in it, meetings, proposals, items). */
  readonly committeeStreams: Record<string, IdSet>;
  /** Meeting ids that were scheduled. */
  readonly meetings: IdSet;
}

/** The members a correction's data names (any member field of any act). */
function membersInCorrection(data: Record<string, unknown> | undefined): string[] {
  if (!data) return [];
  const ids: unknown[] = [data.memberId, data.leadMemberId];
  for (const key of ['coSignerIds', 'mainMemberIds', 'authorIds']) {
    const list = data[key];
    if (Array.isArray(list)) ids.push(...list);
  }
  return ids.filter((x): x is string => typeof x === 'string');
}

function link(index: Record<string, IdSet>, key: string, streamId: string): void {
  const set = index[key];
  if (set === undefined) index[key] = { [streamId]: 1 };
  else if (set[streamId] !== 1) set[streamId] = 1;
}

/**
 * The record index projection: what the runtime keeps and saves. The duty record of a scope is folded from
 * the log on demand (`loadDutyRecord`), so no saved state grows with the number of acts.
 */
export const recordIndexProjection = defineProjection<RecordIndexState>({
  name: 'record-index',
  version: 1,
  handles: new Set<string>(EVENT_TYPES),
  init: () => ({ committees: [], memberStreams: {}, committeeStreams: {}, meetings: {} }),
  apply: (state, event: RecordedEvent, ctx) => {
    const stream = event.streamId;
    const data = event.data as Record<string, unknown>;
    const own = parseStreamId(stream);
    const ownMember = own?.category === 'member' ? own.id : undefined;
    if (ownMember !== undefined) link(state.memberStreams, ownMember, stream);
    const committeeId = data.committeeId;
    if (typeof committeeId === 'string') {
      link(state.committeeStreams, committeeId, stream);
      // A member seated in a committee sees its registration and terms in their archive.
      if (ownMember !== undefined && event.type === 'MemberAppointed') {
        link(state.memberStreams, ownMember, streamIds.committee(committeeId));
      }
    }
    switch (event.type) {
      case 'CommitteeRegistered':
        if (!state.committees.includes(committeeId as string)) state.committees.push(committeeId as string);
        break;
      case 'MeetingScheduled':
        state.meetings[data.meetingId as string] = 1;
        break;
      case 'AttendanceRecorded':
      case 'SpeechRecorded': {
        const meetingId = data.meetingId as string;
        if (state.meetings[meetingId] !== 1) {
          ctx.anomaly(`${event.type} for meeting ${meetingId}, which this record never saw`);
        }
        if (ownMember !== undefined) link(state.memberStreams, ownMember, streamIds.meeting(meetingId));
        break;
      }
      case 'RecordCorrected': {
        const corrected = data.data as Record<string, unknown> | undefined;
        for (const memberId of membersInCorrection(corrected)) link(state.memberStreams, memberId, stream);
        if (typeof corrected?.committeeId === 'string') {
          link(state.committeeStreams, corrected.committeeId, stream);
        }
        break;
      }
      default:
        if (ownMember === undefined) {
          for (const memberId of membersNamed(event.type, data)) link(state.memberStreams, memberId, stream);
        }
    }
    return state;
  },
});

/**
 * The part of the record a query needs: everything; the committees alone (registration and terms); one
 * member's; or one committee's.
 */
export type RecordScope =
  | 'all'
  | 'committees'
  | { readonly memberId: string }
  | { readonly committeeId: string };

/**
 * The streams a scope folds, sorted: a member's own; a committee's own plus every stream of each member
 * seated in it (their acts elsewhere included, so that any query about the committee's members is complete).
 */
export function streamsInScope(index: RecordIndexState, scope: RecordScope): string[] | 'all' {
  if (scope === 'all') return 'all';
  if (scope === 'committees') return index.committees.map(streamIds.committee).sort();
  if ('memberId' in scope) return Object.keys(index.memberStreams[scope.memberId] ?? {}).sort();
  const streams = new Set(Object.keys(index.committeeStreams[scope.committeeId] ?? {}));
  for (const stream of [...streams]) {
    const parsed = parseStreamId(stream);
    if (parsed?.category !== 'member') continue;
    for (const s of Object.keys(index.memberStreams[parsed.id] ?? {})) streams.add(s);
  }
  return [...streams].sort();
}
