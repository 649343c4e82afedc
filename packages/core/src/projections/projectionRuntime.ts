import type { FoldedEvent } from '../envelope/envelope.ts';
import type { EventStore } from '../eventStore/eventStore.ts';
import { readPages } from '../eventStore/readPages.ts';
import type { Anomaly, ApplyContext, Projection } from './projection.ts';
import type { ProjectionStore, StoredProjection } from './projectionStore.ts';

/** Where a projection stands. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly checkpoint: number;
  readonly head: number;
  /** Events recorded after the checkpoint. */
  readonly lag: number;
  readonly anomalies: readonly Anomaly[];
}

/** Options of the runtime. */
export interface ProjectionRuntimeOptions {
  /** Persist states and checkpoints after this many events during a long catch-up (default: by time only). */
  readonly saveEvery?: number;
  /** Persist states and checkpoints at least this often during a long catch-up or rebuild (ms, default 5,000). */
  readonly saveIntervalMs?: number;
  /** Called now and then during catch-up and rebuild with the position reached and the head. */
  readonly onProgress?: (position: number, head: number) => void;
  /** Rows fetched per read (default 2,000). */
  readonly batchSize?: number;
}

interface Live {
  projection: Projection;
  state: unknown;
  checkpoint: number;
  anomalies: Anomaly[];
  /** The event being applied, for `ctx` (one context per projection, not one per event). */
  current: FoldedEvent | undefined;
  ctx: ApplyContext;
}

const MAX_ANOMALIES = 1_000;

/** Applies one event to one projection, turning a throw into an anomaly. */
function applyOne(live: Live, event: FoldedEvent): void {
  if (event.globalPosition <= live.checkpoint) return;
  live.checkpoint = event.globalPosition;
  if (!live.projection.handles.has(event.type)) return;
  live.current = event;
  try {
    live.state = live.projection.apply(live.state, event, live.ctx);
  } catch (error) {
    live.ctx.anomaly(`apply failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function makeLive(projection: Projection, state: unknown, checkpoint: number, anomalies: Anomaly[]): Live {
  const live: Live = {
    projection,
    state,
    checkpoint,
    anomalies,
    current: undefined,
    ctx: {
      anomaly: (message) => {
        const event = live.current;
        if (event === undefined || live.anomalies.length >= MAX_ANOMALIES) return;
        live.anomalies.push({
          position: event.globalPosition,
          eventId: event.eventId,
          type: event.type,
          message,
        });
      },
    },
  };
  return live;
}

/** A stored state as the projection holds it. */
function decoded(projection: Projection, stored: unknown): unknown {
  return projection.decode ? projection.decode(stored) : stored;
}

function fresh(projection: Projection): Live {
  return makeLive(projection, projection.init(), 0, []);
}

function stored(live: Live): StoredProjection {
  return {
    name: live.projection.name,
    version: live.projection.version,
    checkpoint: live.checkpoint,
    state: live.projection.encode ? live.projection.encode(live.state) : live.state,
    anomalies: live.anomalies,
  };
}

/**
 * Keeps projections up to date with a log: each projection's state and checkpoint are loaded and saved
 * together; `catchUp` applies what was recorded since; `rebuild` builds anew beside the served state and
 * then switches; `status` reports lag and anomalies.
 */
export class ProjectionRuntime {
  readonly #store: EventStore;
  readonly #states: ProjectionStore;
  readonly #projections: readonly Projection[];
  readonly #options: ProjectionRuntimeOptions;
  #live: Live[] | undefined;

  constructor(
    store: EventStore,
    states: ProjectionStore,
    projections: readonly Projection[],
    options: ProjectionRuntimeOptions = {},
  ) {
    this.#store = store;
    this.#states = states;
    this.#projections = projections;
    this.#options = options;
  }

  /** The state of a projection, caught up as far as the last `catchUp`. */
  state<S>(name: string): S {
    const live = this.#live?.find((l) => l.projection.name === name);
    if (!live) throw new Error(`projection ${name} is not loaded: call catchUp() first`);
    return live.state as S;
  }

  /** Applies every event recorded after each projection's checkpoint, saving as it goes. */
  async catchUp(): Promise<void> {
    const live = await this.#load();
    await this.#run(live, 'active');
  }

  /**
   * Rebuilds projections from the start of the log into a separate slot (resuming a rebuild that was
   * interrupted), then makes the result the served state.
   */
  async rebuild(names?: readonly string[]): Promise<void> {
    const chosen = this.#projections.filter((p) => names === undefined || names.includes(p.name));
    const building: Live[] = [];
    for (const projection of chosen) {
      const partial = await this.#states.load(projection.name, 'rebuild');
      building.push(
        partial && partial.version === projection.version
          ? makeLive(projection, decoded(projection, partial.state), partial.checkpoint, [
              ...partial.anomalies,
            ])
          : fresh(projection),
      );
    }
    await this.#run(building, 'rebuild');
    for (const b of building) await this.#states.promote(b.projection.name);
    // What was just built is what is now served: keep it rather than reading it back.
    this.#live = building.length === this.#projections.length ? building : undefined;
    await this.#load();
  }

  /** Version, checkpoint, lag and anomalies of every projection. */
  async status(): Promise<ProjectionStatus[]> {
    const head = await this.#store.headPosition();
    const result: ProjectionStatus[] = [];
    for (const projection of this.#projections) {
      const live = this.#live?.find((l) => l.projection.name === projection.name);
      const s = live
        ? { version: projection.version, checkpoint: live.checkpoint, anomalies: live.anomalies }
        : await this.#states.load(projection.name);
      const checkpoint = s && s.version === projection.version ? s.checkpoint : 0;
      result.push({
        name: projection.name,
        version: projection.version,
        checkpoint,
        head,
        lag: Math.max(0, head - checkpoint),
        anomalies: s?.anomalies ?? [],
      });
    }
    return result;
  }

  async #load(): Promise<Live[]> {
    if (this.#live) return this.#live;
    const live: Live[] = [];
    for (const projection of this.#projections) {
      const s = await this.#states.load(projection.name);
      live.push(
        s && s.version === projection.version
          ? makeLive(projection, decoded(projection, s.state), s.checkpoint, [...s.anomalies])
          : fresh(projection),
      );
    }
    this.#live = live;
    return live;
  }

  async #run(live: Live[], slot: 'active' | 'rebuild'): Promise<void> {
    if (live.length === 0) return;
    const head = await this.#store.headPosition();
    const from = Math.min(...live.map((l) => l.checkpoint));
    const saveEvery = this.#options.saveEvery ?? Number.POSITIVE_INFINITY;
    const saveIntervalMs = this.#options.saveIntervalMs ?? 5_000;
    let savedAt = performance.now();
    let sinceSave = 0;
    let dirty = false;
    const save = async (position: number) => {
      await this.#states.save(live.map(stored), slot);
      savedAt = performance.now();
      this.#options.onProgress?.(position, head);
      sinceSave = 0;
      dirty = false;
    };
    for await (const page of readPages(this.#store, {
      after: from,
      batchSize: this.#options.batchSize ?? 2_000,
      withoutMetadata: live.every((l) => l.projection.readsMetadata === false),
    })) {
      for (const event of page) {
        for (const l of live) applyOne(l, event);
        dirty = true;
        if (++sinceSave >= saveEvery) await save(event.globalPosition);
      }
      const last = page.at(-1);
      if (dirty && last !== undefined && performance.now() - savedAt >= saveIntervalMs) {
        await save(last.globalPosition);
      }
    }
    if (dirty || slot === 'rebuild' || from === 0) await this.#states.save(live.map(stored), slot);
    this.#options.onProgress?.(head, head);
  }
}

/** Which part of the log to fold: up to a position, as known at an instant, and/or acts in a window. */
export interface LogFilter {
  /** Only events at or before this global position. */
  readonly toPosition?: number;
  /** Only events recorded at or before this instant (epoch ms): what was known then. */
  readonly recordedAtOrBefore?: number;
  /**
   * Only acts that occurred in [from, to] (epoch ms); framing events (committees, terms, seats, meetings) are
   * always kept, and corrections follow the act they amend.
   */
  readonly occurredBetween?: readonly [number, number];
}

/**
 * Events that frame the record rather than being acts of a period: a window on `occurredAt` keeps them, so
 * that a replay of a window still knows its committees, terms, members and meetings.
 */
export const FRAMING_EVENT_TYPES: ReadonlySet<string> = new Set([
  'CommitteeRegistered',
  'TermOpened',
  'RecorderRegistered',
  'MemberAppointed',
  'StandingMemberSet',
  'MembershipEnded',
  'LongLeaveDeclared',
  'MeetingScheduled',
]);

const AMENDMENTS: ReadonlySet<string> = new Set(['RecordCorrected', 'RecordRetracted']);

/** True when an event passes the position and instant parts of a log filter. */
export function eventPasses(event: FoldedEvent, filter: LogFilter): boolean {
  if (filter.toPosition !== undefined && event.globalPosition > filter.toPosition) return false;
  if (
    filter.recordedAtOrBefore !== undefined &&
    Date.parse(event.metadata.recordedAt) > filter.recordedAtOrBefore
  ) {
    return false;
  }
  return true;
}

/**
 * A stateful filter for a window on when acts occurred: acts outside it are dropped, framing events always
 * kept, and a correction or retraction follows the act it amends.
 */
function occurredWindow(window: readonly [number, number]): (event: FoldedEvent) => boolean {
  const kept = new Set<string>();
  return (event) => {
    const data = event.data as { occurredAt?: string; eventId?: string } | null;
    let pass: boolean;
    if (AMENDMENTS.has(event.type)) pass = typeof data?.eventId === 'string' && kept.has(data.eventId);
    else if (FRAMING_EVENT_TYPES.has(event.type) || data?.occurredAt === undefined) pass = true;
    else {
      const ms = Date.parse(data.occurredAt);
      pass = ms >= window[0] && ms <= window[1];
    }
    if (pass) kept.add(event.eventId);
    return pass;
  };
}

/** Fresh projection states folded from events, with their anomalies and the last position applied. */
export interface FoldedStates {
  readonly states: Map<string, unknown>;
  readonly anomalies: Map<string, readonly Anomaly[]>;
  readonly checkpoint: number;
}

/**
 * Folds pages of events (in global order) into fresh projection states, in memory, keeping only what a filter
 * keeps. `projectLog` folds the whole log; `loadDutyRecord` folds the streams of a scope.
 */
export async function foldPages(
  pages: AsyncIterable<readonly FoldedEvent[]>,
  projections: readonly Projection[],
  filter: LogFilter = {},
): Promise<FoldedStates> {
  const live = projections.map(fresh);
  let checkpoint = 0;
  const inWindow = filter.occurredBetween ? occurredWindow(filter.occurredBetween) : () => true;
  for await (const page of pages) {
    for (const event of page) {
      if (!eventPasses(event, filter) || !inWindow(event)) continue;
      for (const l of live) applyOne(l, event);
      checkpoint = event.globalPosition;
    }
  }
  return {
    states: new Map(live.map((l) => [l.projection.name, l.state])),
    anomalies: new Map(live.map((l) => [l.projection.name, l.anomalies])),
    checkpoint,
  };
}

/**
 * Folds a filtered log into fresh projection states, in memory, without touching stored states: the answer
 * as of a position or of an instant (point-in-time replay).
 */
export function projectLog(
  store: EventStore,
  projections: readonly Projection[],
  filter: LogFilter = {},
): Promise<FoldedStates> {
  const readOptions = filter.toPosition === undefined ? {} : { to: filter.toPosition };
  return foldPages(readPages(store, readOptions), projections, filter);
}
