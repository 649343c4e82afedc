import type { FoldedEvent } from '../envelope/envelope.ts';

/** What a projection may do besides updating its state: note an anomaly instead of throwing. */
export interface ApplyContext {
  /** Records that an event could not be fully applied (e.g. an attendance for a meeting never seen). */
  anomaly(message: string): void;
}

/**
 * A projection: `init`, `apply(state, event)` and queries over its state; pure and deterministic.
 * The runtime owns the state, so `apply` may update it in place and return it (fast on a 1M-event rebuild).
 * The runtime persists the state as JSON: a plain state survives `JSON.stringify`/`JSON.parse` as it is; a
 * state held in Maps and Sets (faster to update) gives `encode`/`decode` to and from a JSON-safe form.
 */
export interface Projection<S = unknown> {
  readonly name: string;
  /** Bump when `apply` changes meaning: the runtime rebuilds a projection whose stored version differs. */
  readonly version: number;
  /** The event types it handles; others never reach `apply`. */
  readonly handles: ReadonlySet<string>;
  /** False when `apply` never reads `event.metadata`: a rebuild may then read the log without it. */
  readonly readsMetadata?: boolean;
  init(): S;
  apply(state: S, event: FoldedEvent, ctx: ApplyContext): S;
  /** The state in a form that survives `JSON.stringify` (default: the state itself). */
  encode?(state: S): unknown;
  /** The state from what `encode` gave, after a JSON round trip (default: as it is). */
  decode?(stored: unknown): S;
}

/** Something a projection could not apply. */
export interface Anomaly {
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly message: string;
}

/** Declares a projection with its state type inferred. */
export function defineProjection<S>(projection: Projection<S>): Projection<S> {
  return projection;
}
