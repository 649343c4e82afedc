import { annualAnalysis } from '@lvzhi/analysis';
import { memberArchive } from '@lvzhi/archive';
import {
  CommandHandler,
  type CommandOutcome,
  type DutyRecordState,
  loadDutyRecord,
  ProjectionRuntime,
  type RecordIndexState,
  type RecordScope,
  recordIndexProjection,
} from '@lvzhi/core';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';

/**
 * How a committee's duty platform (履职平台) embeds lvzhi: one SQLite file holds the event log and the record
 * index (which streams concern each member and committee); the platform records acts as they happen and reads
 * archives and analyses on demand, each folded from the streams of its member or committee.
 */
export class DutyPlatform {
  readonly #store: SqliteEventStore;
  readonly #handler: CommandHandler;
  readonly #projections: ProjectionRuntime;

  private constructor(store: SqliteEventStore) {
    this.#store = store;
    this.#handler = new CommandHandler(store);
    this.#projections = new ProjectionRuntime(store, new SqliteProjectionStore(store), [
      recordIndexProjection,
    ]);
  }

  static open(file: string): DutyPlatform {
    return new DutyPlatform(SqliteEventStore.open(file));
  }

  /** Records one act; the outcome says whether it was recorded, a repeat (no-op) or refused, and why. */
  record(
    command: string,
    data: Record<string, unknown>,
    recordedBy: string,
    recordedAt?: string,
  ): Promise<CommandOutcome> {
    return this.#handler.handle({
      command,
      data,
      meta: { recordedBy, ...(recordedAt ? { recordedAt } : {}) },
    });
  }

  /** The duty record of a member or a committee, with everything recorded so far. */
  async dutyRecord(scope: RecordScope): Promise<DutyRecordState> {
    await this.#projections.catchUp();
    const index = this.#projections.state<RecordIndexState>(recordIndexProjection.name);
    return (await loadDutyRecord(this.#store, index, scope)).state;
  }

  /** A member's archive (履职档案) for a term. */
  async archive(memberId: string, term?: number) {
    const record = await this.dutyRecord({ memberId });
    return memberArchive(record, { memberId, ...(term === undefined ? {} : { term }) });
  }

  /** A committee's annual overall analysis (年度整体分析). */
  async analysis(committeeId: string, year: number) {
    return annualAnalysis(await this.dutyRecord({ committeeId }), { committeeId, year });
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}
