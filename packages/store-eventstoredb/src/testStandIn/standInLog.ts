/** One record of the stand-in's transaction log. */
export interface StandInRecord {
  /** Where the record starts in the log; commit and prepare positions are both this (appends commit themselves). */
  readonly position: bigint;
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly created: Date;
}

/** An event proposed to the stand-in. */
export interface StandInProposed {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/** The server's expected revision: `-1n` is "no stream". */
export type StandInExpected = bigint | 'any' | 'stream_exists';

/** The outcome of an append, as the server reports it. */
export type StandInAppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint; readonly position: bigint }
  | {
      readonly kind: 'wrong-expected-version';
      readonly current: bigint | undefined;
      readonly expected: StandInExpected;
    };

/** A filter on `$all`: a regex or prefixes, on stream names or event types. */
export interface StandInFilter {
  readonly on: 'stream' | 'type';
  readonly regex?: string;
  readonly prefixes?: readonly string[];
}

const SYSTEM_SEED: readonly { streamName: string; type: string }[] = [
  { streamName: '$settings', type: '$settings' },
  { streamName: '$users', type: '$User' },
  { streamName: '$$$scavenges', type: '$metadata' },
];

/**
 * The in-memory transaction log of the stand-in, with EventStoreDB's rules as this package relies on them:
 * 0-based revisions, expected-revision checks with the server's idempotency (the same event ids appended
 * again at the same place succeed without writing), byte-like positions that grow but are not contiguous,
 * system events in `$all` (a few at the start and, optionally, a statistics event after every append).
 */
export class StandInLog {
  readonly records: StandInRecord[] = [];
  readonly #streams = new Map<string, StandInRecord[]>();
  readonly #listeners = new Set<(record: StandInRecord) => void>();
  readonly #statsBetweenAppends: boolean;
  #nextPosition = 1024n;

  constructor(options: { readonly statsBetweenAppends?: boolean } = {}) {
    this.#statsBetweenAppends = options.statsBetweenAppends ?? true;
    for (const seed of SYSTEM_SEED) this.#writeSystem(seed.streamName, seed.type);
  }

  stream(streamName: string): readonly StandInRecord[] | undefined {
    return this.#streams.get(streamName);
  }

  /** Calls `listener` with every record written from now on; returns the unregistration. */
  onWrite(listener: (record: StandInRecord) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  append(
    streamName: string,
    events: readonly StandInProposed[],
    expected: StandInExpected,
  ): StandInAppendOutcome {
    const stream = this.#streams.get(streamName) ?? [];
    const current = stream.length === 0 ? undefined : BigInt(stream.length - 1);
    const idempotent = this.#idempotentResult(stream, events, expected);
    if (idempotent) return idempotent;
    const ok =
      expected === 'any' ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && expected === (current ?? -1n));
    if (!ok) return { kind: 'wrong-expected-version', current, expected };
    let last: StandInRecord | undefined;
    for (const e of events) last = this.#write(streamName, e);
    if (this.#statsBetweenAppends) this.#writeSystem('$stats-127.0.0.1:2113', '$statsCollected');
    return {
      kind: 'success',
      currentRevision: last?.revision ?? current ?? -1n,
      position: last?.position ?? this.#nextPosition,
    };
  }

  /** The server's idempotency: events already written at the place the append expects succeed as they are. */
  #idempotentResult(
    stream: readonly StandInRecord[],
    events: readonly StandInProposed[],
    expected: StandInExpected,
  ): StandInAppendOutcome | undefined {
    const first = events[0];
    if (!first) return undefined;
    const start =
      typeof expected === 'bigint'
        ? Number(expected) + 1
        : stream.findIndex((r) => r.id === first.id.toLowerCase());
    if (start < 0 || start >= stream.length) return undefined;
    const matches = events.every((e, i) => stream[start + i]?.id === e.id.toLowerCase());
    if (!matches) return undefined;
    const last = stream[start + events.length - 1]!;
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  #write(streamName: string, e: StandInProposed): StandInRecord {
    const stream = this.#streams.get(streamName) ?? [];
    const record: StandInRecord = {
      position: this.#nextPosition,
      streamName,
      revision: BigInt(stream.length),
      id: e.id.toLowerCase(),
      type: e.type,
      contentType: e.contentType,
      data: e.data,
      metadata: e.metadata,
      created: new Date(),
    };
    // Records take room in the log: positions are byte offsets, never contiguous numbers.
    this.#nextPosition += 87n + BigInt(e.data.length + e.metadata.length + streamName.length + e.type.length);
    stream.push(record);
    this.#streams.set(streamName, stream);
    this.records.push(record);
    for (const listener of [...this.#listeners]) listener(record);
    return record;
  }

  #writeSystem(streamName: string, type: string): void {
    const data = new TextEncoder().encode('{}');
    this.#write(streamName, {
      id: crypto.randomUUID(),
      type,
      contentType: 'application/json',
      data,
      metadata: new Uint8Array(),
    });
  }

  /** A stream read: forwards from a revision (inclusive), or backwards from one (inclusive, clamped to the end). */
  readStream(
    streamName: string,
    from: bigint | 'start' | 'end',
    direction: 'forwards' | 'backwards',
    count: number,
  ): StandInRecord[] | 'stream-not-found' {
    const stream = this.#streams.get(streamName);
    if (!stream) return 'stream-not-found';
    if (direction === 'forwards') {
      if (from === 'end') return [];
      const start = from === 'start' ? 0 : Number(from);
      return stream.slice(start, start + count);
    }
    const end = from === 'end' ? stream.length - 1 : Math.min(Number(from), stream.length - 1);
    return stream.slice(Math.max(end - count + 1, 0), end + 1).reverse();
  }

  /** An `$all` read: forwards from a position (inclusive), backwards from one (exclusive), as the server does. */
  readAll(
    from: bigint | 'start' | 'end',
    direction: 'forwards' | 'backwards',
    count: number,
  ): StandInRecord[] {
    if (direction === 'forwards') {
      if (from === 'end') return [];
      return this.records.filter((r) => from === 'start' || r.position >= from).slice(0, count);
    }
    if (from === 'start') return [];
    const before = from === 'end' ? this.records : this.records.filter((r) => r.position < from);
    return before.slice(Math.max(before.length - count, 0)).reverse();
  }

  /** Resolves a link event (`<revision>@<stream>`) to the event it points at, if it exists. */
  resolveLink(link: StandInRecord): StandInRecord | undefined {
    const text = new TextDecoder().decode(link.data);
    const at = text.indexOf('@');
    if (at < 0) return undefined;
    return this.#streams.get(text.slice(at + 1))?.[Number(text.slice(0, at))];
  }
}

/** Whether a record passes a subscription filter. */
export function passesFilter(record: StandInRecord, filter: StandInFilter | undefined): boolean {
  if (!filter) return true;
  const value = filter.on === 'stream' ? record.streamName : record.type;
  if (filter.regex !== undefined && filter.regex !== '') return new RegExp(filter.regex).test(value);
  return (filter.prefixes ?? []).some((p) => value.startsWith(p));
}
