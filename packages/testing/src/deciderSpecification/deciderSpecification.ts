import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { CommandName, RecordedEvent, Rejection, RejectionCode } from '@lvzhi/core';
import {
  type GivenEvent,
  type GivenHistory,
  PureRecorder,
  type PureRecordingOptions,
  type SpecCommand,
} from './pureRecorder.ts';

/**
 * One item of a specification's history: a command to decide and record, an event already recorded, or a
 * function of the history so far that gives one (to name an earlier event in a correction).
 */
export type GivenItem =
  | SpecCommand
  | GivenEvent
  | RecordedEvent
  | ((history: GivenHistory) => SpecCommand | GivenEvent);

/** An event a specification expects: compared on type and data, and on stream when `streamId` is given. */
export interface ExpectedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamId?: string;
}

/** What a command under test should do: record these events, or nothing. */
export type Expected = ExpectedEvent | readonly ExpectedEvent[] | 'no-op';

/** The clock and the clerk of a specification. */
export type DeciderSpecificationOptions = Omit<PureRecordingOptions, 'newEventId'>;

/** The `then` part of a specification. */
export interface ThenStep {
  /**
   * Asserts the command records these events (type and data), or nothing at all with `'no-op'`; a function
   * of the given history may build the expectation (to name an event recorded in `given`).
   */
  then(expected: Expected | ((history: GivenHistory) => Expected)): void;
  /** Asserts the command is refused with this code and, when given, this field. */
  thenRejects(code: RejectionCode, field?: string): void;
}

/** The `when` part of a specification. */
export interface WhenStep {
  /** The command under test, or a function of the given history that builds it. */
  when(command: SpecCommand | ((history: GivenHistory) => SpecCommand)): ThenStep;
}

/** Items of a history, possibly grouped in (nested) arrays, such as a shared background. */
export type GivenItems = GivenItem | readonly GivenItems[];

/** Starts a specification from a history of commands and recorded events (nested arrays are flattened). */
export type Given = (...history: readonly GivenItems[]) => WhenStep;

/** A record-format command by name, for specifications and sample files. */
export function command(
  name: CommandName,
  data: Readonly<Record<string, unknown>>,
  meta?: SpecCommand['meta'],
): SpecCommand {
  return meta === undefined ? { command: name, data } : { command: name, data, meta };
}

/**
 * A runner-agnostic decider specification in the style of Emmett's `DeciderSpecification`: `given` decides and
 * records commands (a refusal there is an error of the specification) or takes recorded events, `when` names
 * the command under test, and `then` / `thenRejects` throw an `AssertionError` on a mismatch.
 * @example
 * const given = deciderSpecification({ now: '2024-06-01T00:00:00Z' });
 * given(registerCommittee, openTerm).when(appointMember).then({ type: 'MemberAppointed', data: {...} });
 */
export function deciderSpecification(options: DeciderSpecificationOptions): Given {
  return (...items) => {
    const recorder = new PureRecorder(options);
    const { history } = recorder;
    for (const [i, given] of flatten(items).entries()) {
      const item = typeof given === 'function' ? given(history) : given;
      const outcome = recorder.record(item);
      if (outcome.status === 'rejected') {
        const name = 'command' in item ? item.command : item.type;
        throw new Error(`given #${i + 1} (${name}) was refused: ${describe(outcome.rejection)}`);
      }
    }
    return {
      when(input) {
        const outcome = () => recorder.decide(typeof input === 'function' ? input(history) : input);
        return {
          // biome-ignore lint/suspicious/noThenProperty: `then` is the specification's vocabulary (as in Emmett); a ThenStep is never awaited.
          then(expectation) {
            const expected = typeof expectation === 'function' ? expectation(history) : expectation;
            const decision = outcome();
            if (!decision.ok) {
              throw new AssertionError({
                message: `expected ${expected === 'no-op' ? 'a no-op' : 'events'}, but the command was refused: ${describe(decision.error)}`,
                actual: decision.error,
                expected,
              });
            }
            if (expected === 'no-op' || decision.value === 'no-op') {
              deepStrictEqual(decision.value, expected, 'expected the command to record nothing (no-op)');
              return;
            }
            const list: readonly ExpectedEvent[] = Array.isArray(expected)
              ? expected
              : [expected as ExpectedEvent];
            const shown = (e: ExpectedEvent, withStream: boolean) =>
              withStream
                ? { type: e.type, data: e.data, streamId: e.streamId }
                : { type: e.type, data: e.data };
            const actual = [decision.value].map((e, i) => shown(e, list[i]?.streamId !== undefined));
            const wanted = list.map((e) => shown(e, e.streamId !== undefined));
            deepStrictEqual(actual, wanted, 'the recorded events differ');
          },
          thenRejects(code, field) {
            const decision = outcome();
            if (decision.ok) {
              throw new AssertionError({
                message: `expected a refusal ${code}${field === undefined ? '' : ` of ${field}`}, but the command was ${decision.value === 'no-op' ? 'a no-op' : `accepted (${decision.value.type})`}`,
                actual: decision.value,
                expected: { code, field },
              });
            }
            const { error } = decision;
            const actual =
              field === undefined ? { code: error.code } : { code: error.code, field: error.field };
            deepStrictEqual(
              actual,
              field === undefined ? { code } : { code, field },
              `refused: ${describe(error)}`,
            );
          },
        };
      },
    };
  };
}

function flatten(items: readonly GivenItems[]): GivenItem[] {
  return items.flatMap((item): GivenItem[] => {
    if (Array.isArray(item)) return flatten(item);
    const one = item as GivenItem;
    if (typeof one === 'function') return [one];
    if (
      typeof one !== 'object' ||
      one === null ||
      !('command' in one || ('type' in one && 'streamId' in one))
    ) {
      throw new TypeError(`given: not a command or an event: ${JSON.stringify(one)}`);
    }
    return [one];
  });
}

function describe(r: Rejection): string {
  const value = r.value === undefined ? '' : ` = ${JSON.stringify(r.value)}`;
  return `${r.code}${r.field === undefined ? '' : ` (${r.field}${value})`}: ${r.message}${r.detail ? ` [${r.detail}]` : ''}`;
}
