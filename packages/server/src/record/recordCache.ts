import {
  type AuditReport,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  ProjectionRuntime,
  type ProjectionStatus,
  type ProjectionStore,
  verifyLog,
} from '@lvzhi/core';

/** The duty record as of a checkpoint. */
export interface RecordView {
  readonly state: DutyRecordState;
  /** The last log position the duty record has applied. */
  readonly checkpoint: number;
}

/** Answers kept per checkpoint: a new event clears them. */
const MAX_ANSWERS = 512;

/**
 * The duty record kept caught up with the log: one catch-up at a time, skipped when the log's head has not
 * moved, and query answers cached until it does.
 */
export class RecordCache {
  readonly #store: EventStore;
  readonly #runtime: ProjectionRuntime;
  #view: RecordView | undefined;
  #pending: Promise<RecordView> | undefined;
  #answers = new Map<string, unknown>();
  #audit: { head: number; report: Promise<AuditReport> } | undefined;

  constructor(store: EventStore, projections: ProjectionStore) {
    this.#store = store;
    this.#runtime = new ProjectionRuntime(store, projections, [dutyRecordProjection]);
  }

  /** The duty record caught up with the log's current head. */
  async current(): Promise<RecordView> {
    const head = await this.#store.headPosition();
    if (this.#view !== undefined && this.#view.checkpoint >= head) return this.#view;
    this.#pending ??= this.#catchUp().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** An answer computed once per checkpoint and key. */
  answer<T>(view: RecordView, key: string, compute: () => T): T {
    if (this.#view !== view) return compute();
    if (this.#answers.has(key)) return this.#answers.get(key) as T;
    const value = compute();
    if (this.#answers.size >= MAX_ANSWERS) this.#answers.clear();
    this.#answers.set(key, value);
    return value;
  }

  /** Version, checkpoint, lag and anomalies of the duty record. */
  status(): Promise<ProjectionStatus[]> {
    return this.#runtime.status();
  }

  /** The audit verification of the log, repeated only when the log has grown. */
  async audit(): Promise<AuditReport> {
    const head = await this.#store.headPosition();
    if (this.#audit?.head !== head) this.#audit = { head, report: verifyLog(this.#store) };
    const audit = this.#audit;
    return audit.report.catch((error: unknown) => {
      if (this.#audit === audit) this.#audit = undefined;
      throw error;
    });
  }

  async #catchUp(): Promise<RecordView> {
    await this.#runtime.catchUp();
    const status = (await this.#runtime.status()).find((s) => s.name === dutyRecordProjection.name);
    const view: RecordView = {
      state: this.#runtime.state<DutyRecordState>(dutyRecordProjection.name),
      checkpoint: status?.checkpoint ?? 0,
    };
    if (view.checkpoint !== this.#view?.checkpoint) this.#answers = new Map();
    this.#view = view;
    return view;
  }
}
