import { annualAnalysis } from '@lvzhi/analysis';
import { type DutyRecordState, InMemoryEventStore } from '@lvzhi/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cmd, foldState, historyArb, interleave, recordCommands } from './histories.ts';

/** The analyses of both generated years, or the error an analysis raised (as of a prefix with no committee). */
function analyses(state: DutyRecordState): unknown[] {
  return [2019, 2020].map((year) => {
    try {
      return annualAnalysis(state, { committeeId: 'c', year });
    } catch (error) {
      return { error: error instanceof Error ? error.name : String(error) };
    }
  });
}

const RUNS = 40;

describe('Given any generated duty record of one committee over 2019–2020', () => {
  it('the analysis does not depend on how independent members, proposals and items interleave', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.nat()), fc.array(fc.nat()), async (h, picksA, picksB) => {
        const a = await recordCommands([...h.setup, ...interleave(h.queues, picksA)]);
        const b = await recordCommands([...h.setup, ...interleave(h.queues, picksB)]);
        expect(analyses(await foldState(b.store))).toEqual(analyses(await foldState(a.store)));
      }),
      { numRuns: RUNS },
    );
  });

  it('retracting an act gives the analysis of a history in which it was never recorded', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.nat()), fc.nat(), async (h, picks, which) => {
        const cmds = [...h.setup, ...interleave(h.queues, picks)];
        const retractable = cmds.filter(
          (c) => c.command !== 'CorrectRecord' && !SETUP_ONLY.has(c.command) && !restedOn(c, cmds),
        );
        fc.pre(retractable.length > 0);
        const chosen = retractable[which % retractable.length]!;
        const withRetraction = await recordCommands(cmds);
        const eventId = withRetraction.events.get(chosen.key);
        if (eventId !== undefined) {
          const retract: Cmd = {
            key: 'retract',
            command: 'RetractRecord',
            data: { eventId, reason: '误录', approvedBy: '秘书长' },
          };
          const done = await recordCommands([retract], withRetraction.store);
          expect(done.events.has('retract')).toBe(true);
        }
        const never = await recordCommands(cmds.filter((c) => c !== chosen));
        expect(analyses(await foldState(withRetraction.store))).toEqual(
          analyses(await foldState(never.store)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('the analysis as of position P equals the analysis of a fresh fold of the log up to P', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.nat()), fc.nat(), async (h, picks, at) => {
        const { store } = await recordCommands([...h.setup, ...interleave(h.queues, picks)]);
        const position = at % ((await store.headPosition()) + 1);
        const prefix = new InMemoryEventStore();
        for await (const e of store.readAll({ to: position })) {
          const { eventId, type, schemaVersion, data, metadata } = e;
          await prefix.append(e.streamId, [{ eventId, type, schemaVersion, data, metadata }]);
        }
        expect(analyses(await foldState(store, { toPosition: position }))).toEqual(
          analyses(await foldState(prefix)),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * An intermediate proposal step that later steps rest on (a review under a key mark, award or answer; an
 * answer under feedback): core refuses to retract it until those are retracted (`retraction-has-dependents`).
 */
function restedOn(c: Cmd, cmds: readonly Cmd[]): boolean {
  const later: Readonly<Record<string, readonly string[]>> = {
    ReviewProposal: ['MarkKeyProposal', 'AwardProposal', 'AnswerProposal', 'RecordProposerFeedback'],
    AnswerProposal: ['RecordProposerFeedback'],
  };
  const rests = later[c.command];
  const id = (c.data as { proposalId?: string }).proposalId;
  return (
    rests !== undefined &&
    cmds.some((d) => rests.includes(d.command) && (d.data as { proposalId?: string }).proposalId === id)
  );
}

/** Commands that set up the committee and its members rather than record an act. */
const SETUP_ONLY: ReadonlySet<string> = new Set([
  'RegisterCommittee',
  'OpenTerm',
  'AppointMember',
  'SetStandingMember',
  'EndMembership',
  'DeclareLongLeave',
]);
