import type { RecordedEvent } from '../envelope/envelope.ts';
import { EVENT_TYPES } from '../events/eventSchemas.ts';
import { streamIds } from '../ids/ids.ts';
import { membersNamed } from './dutyRecord.ts';
import { defineProjection } from './projection.ts';

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
  readonly memberStreams: Map<string, Set<string>>;
  /** committeeId → the streams recorded in or for the committee (its own, members seated in it, meetings, proposals, items). */
  readonly committeeStreams: Map<string, Set<string>>;
  /** Meeting ids that were scheduled. */
  readonly meetings: Set<string>;
}

/** The record index as saved: the same, with lists for sets. */
interface StoredRecordIndex {
  readonly committees: string[];
  readonly memberStreams: Record<string, string[]>;
  readonly committeeStreams: Record<string, string[]>;
  readonly meetings: string[];
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

function link(index: Map<string, Set<string>>, key: string, streamId: string): void {
  const set = index.get(key);
  if (set === undefined) index.set(key, new Set([streamId]));
  else set.add(streamId);
}

const MEMBER_PREFIX = 'member-';

const toLists = (index: Map<string, Set<string>>): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const [key, set] of index) out[key] = [...set];
  return out;
};

const toSets = (lists: Record<string, string[]>): Map<string, Set<string>> =>
  new Map(Object.entries(lists).map(([key, list]) => [key, new Set(list)]));

/**
 * The record index projection: what the runtime keeps and saves. The duty record of a scope is folded from
 * the log on demand (`loadDutyRecord`), so no saved state grows with the number of acts.
 */
export const recordIndexProjection = defineProjection<RecordIndexState>({
  name: 'record-index',
  version: 1,
  handles: new Set<string>(EVENT_TYPES),
  init: () => ({
    committees: [],
    memberStreams: new Map(),
    committeeStreams: new Map(),
    meetings: new Set(),
  }),
  encode: (state): StoredRecordIndex => ({
    committees: state.committees,
    memberStreams: toLists(state.memberStreams),
    committeeStreams: toLists(state.committeeStreams),
    meetings: [...state.meetings],
  }),
  decode: (stored) => {
    const s = stored as StoredRecordIndex;
    return {
      committees: [...s.committees],
      memberStreams: toSets(s.memberStreams),
      committeeStreams: toSets(s.committeeStreams),
      meetings: new Set(s.meetings),
    };
  },
  apply: (state, event: RecordedEvent, ctx) => {
    const stream = event.streamId;
    const data = event.data as Record<string, unknown>;
    const ownMember = stream.startsWith(MEMBER_PREFIX) ? stream.slice(MEMBER_PREFIX.length) : undefined;
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
        state.meetings.add(data.meetingId as string);
        break;
      case 'AttendanceRecorded':
      case 'SpeechRecorded': {
        const meetingId = data.meetingId as string;
        if (!state.meetings.has(meetingId)) {
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
  if ('memberId' in scope) return [...(index.memberStreams.get(scope.memberId) ?? [])].sort();
  const streams = new Set(index.committeeStreams.get(scope.committeeId));
  for (const stream of [...streams]) {
    if (!stream.startsWith(MEMBER_PREFIX)) continue;
    for (const s of index.memberStreams.get(stream.slice(MEMBER_PREFIX.length)) ?? []) streams.add(s);
  }
  return [...streams].sort();
}
