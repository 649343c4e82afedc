import {
  type AppendRequest,
  type AppendResult,
  assertExpectedVersion,
  chainEventsEncoded,
  classifyAppend,
  DuplicateEventIdError,
  EMPTY_HEAD,
  type ProposedEvent,
  type RecordedEvent,
  type StreamHead,
} from '@lvzhi/core';
import Database from 'better-sqlite3';
import { toRecordedEvent } from './eventRow.ts';
import type { Statements } from './statements.ts';
import { meetsExpectedVersion } from './threadAppendPlan.ts';

/**
 * Stream heads as a store instance last wrote them, valid only while `lastWritten` is still the log's last
 * position (-1: unknown).
 */
export interface KnownHeads {
  readonly heads: Map<string, StreamHead>;
  lastWritten: number;
}

function isDuplicateEventId(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('event_id')
  );
}

function isStreamVersionTaken(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    error.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    error.message.includes('events.stream_id')
  );
}

/**
 * The body of one exact `appendMany` transaction (run inside BEGIN IMMEDIATE): idempotency, version checks,
 * chaining and inserts. Updates `known` to the heads and last position it leaves.
 */
export function appendInTransaction(
  statements: Statements,
  known: KnownHeads,
  requests: readonly AppendRequest[],
): AppendResult[] {
  const { headPosition, insertEvent } = statements;
  // Stream heads are cached across calls while this instance is the only writer: inside BEGIN IMMEDIATE
  // the log's last position tells whether another connection wrote since our last append.
  const top = headPosition.get() ?? 0;
  if (top !== known.lastWritten) known.heads.clear();
  const heads = known.heads;
  const written = new Set<string>();
  const results: AppendResult[] = [];
  let last = top;
  nextRequest: for (const { streamId, events, expectedVersion } of requests) {
    // Ids written earlier in this call are visible here, but reusing one is a duplicate, not a retry.
    for (const e of events) if (written.has(e.eventId)) throw new DuplicateEventIdError(e.eventId);
    const expected = expectedVersion ?? 'any';
    const cachedHead = heads.get(streamId);
    // A request for a new stream (most of an import's first appends to a stream) does not look its head
    // up: inserting version 1 fails on UNIQUE (stream_id, stream_version) if the stream exists after all.
    const assumedNew = cachedHead === undefined && expected === 'no-stream' && events.length > 0;
    const head = cachedHead ?? (assumedNew ? undefined : statements.streamHead.get(streamId)) ?? EMPTY_HEAD;
    if (!meetsExpectedVersion(expected, head.version)) {
      // A retry of an append that landed may carry a stale expected version: recognise it first.
      const retry = retryOf(statements, streamId, events);
      if (retry) {
        results.push(retry);
        continue;
      }
      assertExpectedVersion(streamId, expected, head.version);
    }
    const recorded: RecordedEvent[] = [];
    for (const { event: e, dataJson, metadataJson } of chainEventsEncoded(streamId, head, events)) {
      written.add(e.eventId);
      let lastInsertRowid: number | bigint;
      try {
        ({ lastInsertRowid } = insertEvent.run(
          e.eventId,
          streamId,
          e.streamVersion,
          e.type,
          e.schemaVersion,
          dataJson,
          metadataJson,
          e.metadata.recordedAt,
          e.prevHash,
          e.hash,
        ));
      } catch (error) {
        if (assumedNew && recorded.length === 0 && isStreamVersionTaken(error)) {
          // The stream exists: a retry of the append that created it, or a conflict.
          const retry = retryOf(statements, streamId, events);
          if (retry) {
            results.push(retry);
            continue nextRequest;
          }
          assertExpectedVersion(streamId, expected, statements.streamHead.get(streamId)?.version ?? 0);
        }
        if (!isDuplicateEventId(error)) throw error;
        // The id is stored already: the whole request is either a retry (nothing of it inserted yet,
        // since a retry's first id is the one that collides) or a duplicate.
        const retry = recorded.length === 0 ? retryOf(statements, streamId, events) : undefined;
        if (!retry) throw new DuplicateEventIdError(e.eventId);
        results.push(retry);
        continue nextRequest;
      }
      last = Number(lastInsertRowid);
      recorded.push({
        eventId: e.eventId,
        streamId,
        streamVersion: e.streamVersion,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: e.data,
        metadata: e.metadata,
        prevHash: e.prevHash,
        hash: e.hash,
        globalPosition: last,
      });
    }
    const tail = recorded.at(-1);
    if (tail) heads.set(streamId, { version: tail.streamVersion, hash: tail.hash });
    results.push({ streamId, nextExpectedVersion: tail?.streamVersion ?? head.version, events: recorded });
  }
  known.lastWritten = last;
  return results;
}

/** The stored events when `events` were appended to `streamId` already (a retry), else undefined. */
function retryOf(
  statements: Statements,
  streamId: string,
  events: readonly ProposedEvent[],
): AppendResult | undefined {
  const first = events[0];
  if (first === undefined || statements.eventExists.get(first.eventId) === undefined) return undefined;
  const kind = classifyAppend(
    streamId,
    events,
    events.map((e) => {
      const row = statements.eventById.get(e.eventId);
      return row && toRecordedEvent(row);
    }),
  );
  if (kind.kind !== 'retry') return undefined;
  // The version the original append reached, not the head: a caller continuing from it must still
  // conflict with whatever others appended since.
  return { streamId, nextExpectedVersion: kind.events.at(-1)!.streamVersion, events: kind.events };
}
