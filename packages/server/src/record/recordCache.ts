import {
  type AuditReport,
  type DutyRecordState,
  type EventStore,
  loadDutyRecord,
  ProjectionRuntime,
  type ProjectionStatus,
  type ProjectionStore,
  type RecordIndexState,
  type RecordScope,
  recordIndexProjection,
  verifyLog,
} from '@lvzhi/core';

/** The duty record as of a checkpoint. */
export interface RecordView {
  /** The record index: committees, and the streams of each member and committee. */
  readonly index: RecordIndexState;
  /** The last log position the record index has applied. */
  readonly checkpoint: number;
  /** The duty record of a scope as of the checkpoint, folded once per view and scope. */
  record(scope: RecordScope): Promise<DutyRecordState>;
}

/** Scoped duty records kept per checkpoint. */
const MAX_RECORDS = 32;

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
    this.#runtime = new ProjectionRuntime(store, projections, [recordIndexProjection]);
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

  /** Version, checkpoint, lag and anomalies of the record index. */
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
    const status = (await this.#runtime.status()).find((s) => s.name === recordIndexProjection.name);
    const index = this.#runtime.state<RecordIndexState>(recordIndexProjection.name);
    const checkpoint = status?.checkpoint ?? 0;
    const records = new Map<string, Promise<DutyRecordState>>();
    const store = this.#store;
    const view: RecordView = {
      index,
      checkpoint,
      record(scope) {
        const key = JSON.stringify(scope);
        let found = records.get(key);
        if (found === undefined) {
          if (records.size >= MAX_RECORDS) records.clear();
          found = loadDutyRecord(store, index, scope, { toPosition: checkpoint }).then((r) => r.state);
          found.catch(() => records.delete(key));
          records.set(key, found);
        }
        return found;
      },
    };
    if (view.checkpoint !== this.#view?.checkpoint) this.#answers = new Map();
    this.#view = view;
    return view;
  }
}
