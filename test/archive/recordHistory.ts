import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  type EventStore,
  InMemoryEventStore,
  projectLog,
} from '@lvzhi/core';
import type { Step } from './historyArbitrary.ts';

/** Acts that start a record of their own (their retraction takes their later steps out of every count). */
const ROOTS: ReadonlySet<string> = new Set([
  'DeclareLongLeave',
  'RecordAttendance',
  'RecordSpeech',
  'SubmitProposal',
  'SubmitOpinion',
  'RecordPublicity',
  'RecordPublicWelfare',
  'RecordHonour',
  'RecordTalk',
]);

/**
 * Steps whose retraction can be compared with never recording them (and their dependants): roots, and later
 * steps nothing else depends on. Setup, meetings and corrections are never retracted here.
 */
export function retractable(steps: readonly Step[]): boolean[] {
  const parents = new Set(steps.map((s) => s.parent));
  return steps.map(
    (s, i) => !s.corrects && (ROOTS.has(s.command) || (s.parent !== undefined && !parents.has(i))),
  );
}

/** Every step that depends, directly or not, on one of `dropped`, with `dropped` itself. */
export function withDependants(steps: readonly Step[], dropped: ReadonlySet<number>): Set<number> {
  const out = new Set(dropped);
  for (const [i, s] of steps.entries()) if (s.parent !== undefined && out.has(s.parent)) out.add(i);
  return out;
}

/** The result of recording a history: the event id of every accepted step (undefined when refused or a no-op). */
export interface Recorded {
  readonly store: InMemoryEventStore;
  readonly eventIds: readonly (string | undefined)[];
}

const RECORDED_AT = Date.parse('2024-06-01T00:00:00Z');

/** Records the steps in order (a correction names its parent's event); refused steps are skipped. */
export async function recordSteps(
  steps: readonly Step[],
  include: (i: number) => boolean = () => true,
): Promise<Recorded> {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store, { clock: () => RECORDED_AT });
  const eventIds: (string | undefined)[] = [];
  for (const [i, step] of steps.entries()) {
    const parentId = step.parent === undefined ? undefined : eventIds[step.parent];
    if (!include(i) || (step.parent !== undefined && parentId === undefined)) {
      eventIds.push(undefined);
      continue;
    }
    const data = step.corrects
      ? { eventId: parentId, data: step.data, reason: 'corrected on review', approvedBy: '秘书长' }
      : step.data;
    const outcome = await handler.handle({
      command: step.corrects ? 'CorrectRecord' : step.command,
      data,
      meta: { recordedBy: 'clerk' },
    });
    eventIds.push(outcome.status === 'recorded' ? outcome.events[0]!.eventId : undefined);
  }
  return { store, eventIds };
}

/** Retracts recorded events, each with its own reason. */
export async function retract(store: EventStore, eventIds: readonly string[]): Promise<void> {
  const handler = new CommandHandler(store, { clock: () => RECORDED_AT + 1000 });
  for (const eventId of eventIds) {
    const outcome = await handler.handle({
      command: 'RetractRecord',
      data: { eventId, reason: `retract ${eventId}`, approvedBy: '秘书长' },
      meta: { recordedBy: 'clerk' },
    });
    if (outcome.status !== 'recorded') throw new Error(`retraction refused: ${JSON.stringify(outcome)}`);
  }
}

/** The duty-record state of a store. */
export async function dutyState(store: EventStore): Promise<DutyRecordState> {
  const { states } = await projectLog(store, [dutyRecordProjection]);
  return states.get('duty-record') as DutyRecordState;
}
