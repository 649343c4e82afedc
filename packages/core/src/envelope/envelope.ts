/** Who recorded an act and when; part of every event's envelope. */
export interface EventMetadata {
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly source?: string;
}

/** An event as a caller proposes it to a store: the store assigns version, position and hashes. */
export interface ProposedEvent<T extends string = string, D = unknown> {
  readonly eventId: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly data: D;
  readonly metadata: EventMetadata;
}

/** The fields covered by an event's hash: everything but the store-assigned `globalPosition` and the hash itself. */
export interface ChainedEvent<T extends string = string, D = unknown> extends ProposedEvent<T, D> {
  readonly streamId: string;
  /** 1-based position of the event within its stream. */
  readonly streamVersion: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** An event as read back from a store. */
export interface RecordedEvent<T extends string = string, D = unknown> extends ChainedEvent<T, D> {
  /** Store-assigned, strictly increasing across the whole log (not necessarily contiguous). */
  readonly globalPosition: number;
}

/**
 * An event as a fold (a projection) reads it: the recorded event without its hash chain, which only the audit
 * reads. Stores may give folds these lighter events (`readPages`); a `RecordedEvent` is one too.
 */
export type FoldedEvent<T extends string = string, D = unknown> = Omit<
  RecordedEvent<T, D>,
  'prevHash' | 'hash'
>;
