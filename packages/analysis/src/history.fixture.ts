import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  InMemoryEventStore,
  type LogFilter,
  projectLog,
} from '@lvzhi/core';

/** A history recorded command by command through the real command handler, for specifications. */
export class History {
  readonly store = new InMemoryEventStore();
  readonly #handler = new CommandHandler(this.store, { clock: () => Date.parse('2024-06-01T00:00:00Z') });

  /** Records one command and returns the id of its event; a refusal or a no-op fails the test. */
  async record(command: string, data: Record<string, unknown>): Promise<string> {
    const outcome = await this.#handler.handle({ command, data, meta: { recordedBy: 'secretariat 秘书处' } });
    if (outcome.status !== 'recorded') {
      throw new Error(`${command} ${JSON.stringify(data)} was not recorded: ${JSON.stringify(outcome)}`);
    }
    return outcome.events[0]!.eventId;
  }

  /** The global position of the last event recorded. */
  head(): Promise<number> {
    return this.store.headPosition();
  }

  /** The duty-record state folded from the log (or the part of it a filter lets through). */
  async state(filter: LogFilter = {}): Promise<DutyRecordState> {
    const { states } = await projectLog(this.store, [dutyRecordProjection], filter);
    return states.get('duty-record') as DutyRecordState;
  }
}
