import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annualAnalysis } from '@lvzhi/analysis';
import { listMembers, memberArchive } from '@lvzhi/archive';
import {
  type DutyRecordState,
  type EventStore,
  InMemoryProjectionStore,
  indexedMembers,
  loadDutyRecord,
  ProjectionRuntime,
  projectLog,
  type RecordIndexState,
  type RecordScope,
  recordIndexProjection,
  seatsOf,
} from '@lvzhi/core';
import { evaluate, listPresets, presetPolicy } from '@lvzhi/evaluation';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cmd, foldState, historyArb, interleave, recordCommands } from '../analysis/histories.ts';

/** Member fields whose ids the second committee renames (all but the shared member `g1`). */
const MEMBER_FIELDS = new Set(['memberId', 'leadMemberId', 'coSignerIds', 'mainMemberIds', 'authorIds']);
/** Entity ids the second committee prefixes so that its meetings, proposals and items are its own. */
const ENTITY_FIELDS = new Set(['meetingId', 'proposalId', 'opinionId', 'subjectId', 'mergedInto']);

function renamed(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renamed(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, k)]));
  }
  if (typeof value !== 'string') return value;
  if (key === 'committeeId') return 'd';
  if (MEMBER_FIELDS.has(key)) return value === 'g1' ? 'g1' : `d-${value}`;
  if (ENTITY_FIELDS.has(key)) return `d-${value}`;
  return value;
}

/** A generated history recast as committee `d`'s, sharing member `g1` with committee `c`. */
function asCommitteeD(cmds: readonly Cmd[]): Cmd[] {
  return cmds.map((c) => ({
    key: `d:${c.key}`,
    command: c.command,
    data: renamed(c.data, '') as Record<string, unknown>,
    ...(c.ref === undefined ? {} : { ref: `d:${c.ref}` }),
  }));
}

/** Two committees' histories, interleaved, with one member seated in both. */
const twoCommittees = fc
  .tuple(historyArb, historyArb, fc.array(fc.nat()), fc.array(fc.nat()))
  .map(([c, d, picksC, picksD]) => {
    const second = asCommitteeD([...d.setup, ...interleave(d.queues, picksD)]);
    return [...c.setup, ...interleave(c.queues, picksC), ...second];
  });

async function indexOf(store: EventStore): Promise<RecordIndexState> {
  const { states } = await projectLog(store, [recordIndexProjection]);
  return states.get(recordIndexProjection.name) as RecordIndexState;
}

const scopedState = async (store: EventStore, index: RecordIndexState, scope: RecordScope) =>
  (await loadDutyRecord(store, index, scope)).state;

/** An answer, or the name of the error it raised. */
function attempt<T>(compute: () => T): T | { error: string } {
  try {
    return compute();
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const RUNS = 25;

describe('Given two committees with a shared member, every query of a scope answers as from the whole record', () => {
  it("a member's archive (every seat, every year) from the member's streams equals the one from everything", async () => {
    await fc.assert(
      fc.asyncProperty(twoCommittees, async (cmds) => {
        const { store } = await recordCommands(cmds);
        const whole = await foldState(store);
        const index = await indexOf(store);
        for (const memberId of Object.keys(whole.byMember)) {
          expect(indexedMembers(index)).toContain(memberId);
          const mine = await scopedState(store, index, { memberId });
          expect(seatsOf(mine, memberId)).toEqual(seatsOf(whole, memberId));
          for (const seat of seatsOf(whole, memberId)) {
            for (const year of [undefined, 2019, 2020]) {
              const query = {
                memberId,
                committeeId: seat.committeeId,
                term: seat.term,
                ...(year === undefined ? {} : { year }),
              };
              expect(memberArchive(mine, query)).toEqual(memberArchive(whole, query));
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a committee's analysis, evaluation under every preset and member list equal those from everything", async () => {
    const presets = listPresets().map((p) => presetPolicy(p.id)!);
    await fc.assert(
      fc.asyncProperty(twoCommittees, async (cmds) => {
        const { store } = await recordCommands(cmds);
        const whole = await foldState(store);
        const index = await indexOf(store);
        for (const committeeId of ['c', 'd']) {
          const theirs: DutyRecordState = await scopedState(store, index, { committeeId });
          for (const year of [2019, 2020]) {
            const query = { committeeId, year };
            expect(attempt(() => annualAnalysis(theirs, query))).toEqual(
              attempt(() => annualAnalysis(whole, query)),
            );
          }
          expect(listMembers(theirs, { committeeId })).toEqual(listMembers(whole, { committeeId }));
          for (const policy of presets) {
            const period = policy.period === 'year' ? { year: 2019 } : { term: 1 };
            const options = { policy, committeeId, ...period, now: Date.parse('2024-06-01T00:00:00Z') };
            expect(attempt(() => evaluate(theirs, options))).toEqual(attempt(() => evaluate(whole, options)));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the index caught up in random-sized steps on SQLite equals one rebuild, and an as-of scope equals the prefix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvzhi-scoped-'));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          twoCommittees,
          fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
          async (cmds, steps) => {
            const store = SqliteEventStore.open(join(dir, `scoped-${run++}.db`));
            try {
              const runtime = new ProjectionRuntime(store, new SqliteProjectionStore(store), [
                recordIndexProjection,
              ]);
              // Record in chunks, catching up after each: the index grows incrementally.
              let at = 0;
              for (let i = 0; at < cmds.length; i++) {
                const size = steps[i % steps.length]!;
                await recordCommands(cmds.slice(at, at + size), store);
                at += size;
                await runtime.catchUp();
              }
              const incremental = runtime.state<RecordIndexState>(recordIndexProjection.name);
              const fresh = new ProjectionRuntime(store, new InMemoryProjectionStore(), [
                recordIndexProjection,
              ]);
              await fresh.rebuild();
              expect(incremental).toEqual(fresh.state(recordIndexProjection.name));
              // As of a middle position, a member's scope folded with the head's index equals the prefix's.
              const head = await store.headPosition();
              const middle = Math.floor(head / 2);
              const prefix = await foldState(store, { toPosition: middle });
              for (const memberId of Object.keys(prefix.byMember)) {
                const mine = (await loadDutyRecord(store, incremental, { memberId }, { toPosition: middle }))
                  .state;
                for (const seat of seatsOf(prefix, memberId)) {
                  const query = { memberId, committeeId: seat.committeeId, term: seat.term };
                  expect(memberArchive(mine, query)).toEqual(memberArchive(prefix, query));
                }
              }
            } finally {
              await store.close();
            }
          },
        ),
        { numRuns: 10 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
