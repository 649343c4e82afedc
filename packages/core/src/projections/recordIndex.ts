import type { FoldedEvent } from '../envelope/envelope.ts';
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
  /**
   * Member stream (`member-…`) → the other streams that concern the member: proposals and items naming them,
   * their committees'. Keyed by the stream, whose id every event of it carries. (The meetings a member
   * attended are not indexed, one entry per attendance: a member's scope takes every meeting of their
   * committees, which are few and small streams.)
   */
  readonly memberStreams: Map<string, Set<string>>;
  /** committeeId → the streams recorded in or for the committee (its own, members seated in it, meetings, proposals, items). */
  readonly committeeStreams: Map<string, Set<string>>;
  /** Meeting ids that were scheduled. */
  readonly meetings: Set<string>;
  /** Not saved: the committee each stream was last linked to, so that the next event of it skips the link. */
  readonly linked: Map<string, string>;
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

function link(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (set === undefined) index.set(key, new Set([value]));
  else set.add(value);
}

const MEMBER_PREFIX = 'member-';
const COMMITTEE_PREFIX = 'committee-';
const MEETING_PREFIX = 'meeting-';

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
  // 2: attendances no longer indexed (a saved version 1 is rebuilt, never misread).
  version: 2,
  handles: new Set<string>(EVENT_TYPES),
  readsMetadata: false,
  init: () => ({
    committees: [],
    memberStreams: new Map(),
    committeeStreams: new Map(),
    meetings: new Set(),
    linked: new Map(),
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
      linked: new Map(),
    };
  },
  apply: (state, event: FoldedEvent, ctx) => {
    // Every lookup is keyed by strings the event already carries, so each is hashed once per event.
    const stream = event.streamId;
    const data = event.data as Record<string, unknown>;
    const ownStream = stream.startsWith(MEMBER_PREFIX);
    const committeeId = data.committeeId;
    if (typeof committeeId === 'string' && state.linked.get(stream) !== committeeId) {
      link(state.committeeStreams, committeeId, stream);
      state.linked.set(stream, committeeId);
    }
    if (ownStream && !state.memberStreams.has(stream)) state.memberStreams.set(stream, new Set());
    switch (event.type) {
      case 'CommitteeRegistered':
        if (!state.committees.includes(committeeId as string)) state.committees.push(committeeId as string);
        break;
      case 'MemberAppointed':
        // A member seated in a committee sees its registration and terms in their archive.
        if (ownStream) link(state.memberStreams, stream, streamIds.committee(committeeId as string));
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
        break;
      }
      case 'RecordCorrected': {
        const corrected = data.data as Record<string, unknown> | undefined;
        for (const memberId of membersInCorrection(corrected)) {
          if (streamIds.member(memberId) !== stream)
            link(state.memberStreams, streamIds.member(memberId), stream);
        }
        if (typeof corrected?.committeeId === 'string') {
          link(state.committeeStreams, corrected.committeeId, stream);
        }
        break;
      }
      default:
        if (!ownStream) {
          for (const memberId of membersNamed(event.type, data)) {
            link(state.memberStreams, streamIds.member(memberId), stream);
          }
        }
    }
    return state;
  },
});

/** The members the index knows (who have a stream of their own or are named in one), by id. */
export function indexedMembers(index: RecordIndexState): string[] {
  return [...index.memberStreams.keys()].map((s) => s.slice(MEMBER_PREFIX.length));
}

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
  if ('memberId' in scope) return [...memberScope(index, streamIds.member(scope.memberId))].sort();
  const streams = new Set(index.committeeStreams.get(scope.committeeId));
  for (const stream of [...streams]) {
    if (stream.startsWith(MEMBER_PREFIX)) for (const s of memberScope(index, stream)) streams.add(s);
  }
  return [...streams].sort();
}

/** A member's streams: their own, those naming them, and their committees' (with every meeting of those). */
function memberScope(index: RecordIndexState, memberStream: string): Set<string> {
  const others = index.memberStreams.get(memberStream);
  if (others === undefined) return new Set();
  const streams = new Set(others);
  streams.add(memberStream);
  for (const stream of others) {
    if (!stream.startsWith(COMMITTEE_PREFIX)) continue;
    const committeeId = stream.slice(COMMITTEE_PREFIX.length);
    for (const s of index.committeeStreams.get(committeeId) ?? []) {
      if (s.startsWith(MEETING_PREFIX)) streams.add(s);
    }
  }
  return streams;
}
