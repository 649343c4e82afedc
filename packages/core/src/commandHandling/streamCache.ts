import { parseStreamId, type StreamCategory } from '../ids/ids.ts';
import type { DecisionContext } from './decision.ts';
import { type EvolvableEvent, type StreamKind, StreamNotLoaded, streamKind } from './domainState.ts';

/** A stream's state as a command handler keeps it in memory. */
export interface Cached {
  version: number;
  state: unknown;
  /** Folds one event into `state` (by the stream's category). */
  readonly evolve: (state: unknown, event: EvolvableEvent) => unknown;
}

/** How events fold into a stream of `kind`'s state (they leave a stream of no known kind as it is). */
export function evolverOf(kind: StreamKind | undefined): Cached['evolve'] {
  return kind?.evolve ?? ((state: unknown) => state);
}

/** The states of the streams a command handler has loaded, by stream id and by category and entity id. */
export class StreamCache {
  readonly #byId = new Map<string, Cached>();
  readonly #byCategory: Readonly<Record<StreamCategory, Map<string, Cached>>> = {
    committee: new Map(),
    member: new Map(),
    meeting: new Map(),
    proposal: new Map(),
    opinion: new Map(),
  };

  get size(): number {
    return this.#byId.size;
  }

  has(streamId: string): boolean {
    return this.#byId.has(streamId);
  }

  get(streamId: string): Cached | undefined {
    return this.#byId.get(streamId);
  }

  /** A decision context's reader of one category: the state kept, or `StreamNotLoaded`. */
  stateIn<C extends StreamCategory>(category: C): DecisionContext[C] {
    const streams = this.#byCategory[category];
    return ((id: string) => {
      const cached = streams.get(id);
      if (cached === undefined) throw new StreamNotLoaded(`${category}-${id}`);
      return cached.state as never;
    }) as DecisionContext[C];
  }

  /** Keeps a stream's state at `version`; later events fold in by its kind (unchanged for an unknown kind). */
  keep(streamId: string, version: number, state: unknown, kind = streamKind(streamId)): Cached {
    const cached: Cached = { version, state, evolve: evolverOf(kind) };
    this.#byId.set(streamId, cached);
    if (kind) this.#byCategory[kind.category].set(kind.id, cached);
    return cached;
  }

  /** Drops a stream's state; false when it was not kept. */
  forget(streamId: string): boolean {
    if (!this.#byId.delete(streamId)) return false;
    const kind = parseStreamId(streamId);
    if (kind) this.#byCategory[kind.category].delete(kind.id);
    return true;
  }
}

/** Positions a command handler appended, as ascending runs `[first, last, first, last, …]`. */
export class OwnPositions {
  #runs: number[] = [];
  #count = 0;

  get count(): number {
    return this.#count;
  }

  add(position: number): void {
    const runs = this.#runs;
    const n = runs.length;
    if (n > 0 && runs[n - 1] === position - 1) runs[n - 1] = position;
    else runs.push(position, position);
    this.#count += 1;
  }

  has(position: number): boolean {
    const runs = this.#runs;
    let lo = 0;
    let hi = runs.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (position < runs[2 * mid]!) hi = mid - 1;
      else if (position > runs[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }

  clear(): void {
    this.#runs = [];
    this.#count = 0;
  }
}
