import { createHash } from 'node:crypto';
import type { RecordedEvent } from '../envelope/envelope.ts';
import { newEventId } from '../envelope/eventId.ts';
import type { EventStore } from '../eventStore/eventStore.ts';

/** The stream that holds seals. */
export const SEAL_STREAM = 'audit-seals';

/** The event type of a seal. */
export const SEAL_EVENT_TYPE = 'LogSealed';

/** A stream's head as a seal records it. */
export interface SealedHead {
  readonly streamId: string;
  readonly version: number;
  readonly hash: string;
}

/** A seal (封存): every stream's head at a moment, and a Merkle root over them. */
export interface LogSeal {
  readonly heads: readonly SealedHead[];
  readonly merkleRoot: string;
  readonly streamCount: number;
  readonly eventCount: number;
  /** The last global position the seal covers. */
  readonly position: number;
  readonly occurredAt: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The Merkle root of stream heads: leaves are SHA-256 of `streamId\nversion\nhash` in stream-id order,
 * paired level by level (an odd node is carried up); the root of no streams is SHA-256 of the empty string.
 */
export function merkleRoot(heads: readonly SealedHead[]): string {
  let level = [...heads]
    .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0))
    .map((h) => sha256(`${h.streamId}\n${h.version}\n${h.hash}`));
  if (level.length === 0) return sha256('');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right === undefined ? level[i]! : sha256(level[i]! + right));
    }
    level = next;
  }
  return level[0]!;
}

/** Reads every stream's current head (the seal stream excluded). */
export async function readHeads(
  store: EventStore,
): Promise<{ heads: SealedHead[]; position: number; events: number }> {
  const heads: SealedHead[] = [];
  let position = 0;
  let events = 0;
  for await (const { streamId } of store.listStreams()) {
    if (streamId === SEAL_STREAM) continue;
    for await (const last of store.readStream(streamId, { direction: 'backward', limit: 1 })) {
      heads.push({ streamId, version: last.streamVersion, hash: last.hash });
      position = Math.max(position, last.globalPosition);
      events += last.streamVersion;
    }
  }
  return { heads, position, events };
}

/** Appends a seal of the log as it stands, recorded by `sealedBy`; returns the stored seal event. */
export async function sealLog(
  store: EventStore,
  options: { readonly sealedBy: string; readonly now?: () => number },
): Promise<RecordedEvent<typeof SEAL_EVENT_TYPE, LogSeal>> {
  for (let attempt = 0; ; attempt++) {
    const sealed = await appendSeal(store, options);
    // Events another writer appended between reading the heads and appending the seal would sit before the
    // seal uncovered: seal again until nothing slipped in.
    let slipped = false;
    for await (const e of store.readAll({ after: sealed.data.position, to: sealed.globalPosition - 1 })) {
      if (e.streamId !== SEAL_STREAM) slipped = true;
    }
    if (!slipped || attempt >= 5) return sealed;
  }
}

async function appendSeal(
  store: EventStore,
  options: { readonly sealedBy: string; readonly now?: () => number },
): Promise<RecordedEvent<typeof SEAL_EVENT_TYPE, LogSeal>> {
  const now = new Date((options.now ?? Date.now)()).toISOString();
  const { heads, position, events } = await readHeads(store);
  const seal: LogSeal = {
    heads,
    merkleRoot: merkleRoot(heads),
    streamCount: heads.length,
    eventCount: events,
    position,
    occurredAt: now,
  };
  const version = await store.streamVersion(SEAL_STREAM);
  const result = await store.append(
    SEAL_STREAM,
    [
      {
        eventId: newEventId(),
        type: SEAL_EVENT_TYPE,
        schemaVersion: 1,
        data: seal,
        metadata: { recordedAt: now, recordedBy: options.sealedBy, source: 'lvzhi audit seal' },
      },
    ],
    { expectedVersion: version === 0 ? 'no-stream' : version },
  );
  return result.events[0] as RecordedEvent<typeof SEAL_EVENT_TYPE, LogSeal>;
}
