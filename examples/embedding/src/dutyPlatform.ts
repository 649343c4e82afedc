import { annualAnalysis } from '@lvzhi/analysis';
import { memberArchive } from '@lvzhi/archive';
import {
  CommandHandler,
  type CommandOutcome,
  type DutyRecordState,
  dutyRecordProjection,
  ProjectionRuntime,
} from '@lvzhi/core';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';

/**
 * How a committee's duty platform (履职平台) embeds lvzhi: one SQLite file holds the event log and the
 * projection state; the platform records acts as they happen and reads archives and analyses on demand.
 */
export class DutyPlatform {
  readonly #store: SqliteEventStore;
  readonly #handler: CommandHandler;
  readonly #projections: ProjectionRuntime;

  private constructor(store: SqliteEventStore) {
    this.#store = store;
    this.#handler = new CommandHandler(store);
    this.#projections = new ProjectionRuntime(store, new SqliteProjectionStore(store), [
      dutyRecordProjection,
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

  /** The duty record, caught up with everything recorded so far. */
  async dutyRecord(): Promise<DutyRecordState> {
    await this.#projections.catchUp();
    return this.#projections.state<DutyRecordState>(dutyRecordProjection.name);
  }

  /** A member's archive (履职档案) for a term. */
  async archive(memberId: string, term?: number) {
    return memberArchive(await this.dutyRecord(), { memberId, ...(term === undefined ? {} : { term }) });
  }

  /** A committee's annual overall analysis (年度整体分析). */
  async analysis(committeeId: string, year: number) {
    return annualAnalysis(await this.dutyRecord(), { committeeId, year });
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}
