import { type AnnualAnalysis, annualAnalysis } from '@lvzhi/analysis';
import {
  CommandHandler,
  type DutyRecordState,
  dutyRecordProjection,
  InMemoryEventStore,
  liveActs,
  projectLog,
} from '@lvzhi/core';
import {
  CHONGQING_CITY,
  generateSample,
  type PlannedCorrection,
  type SampleCommand,
} from '@lvzhi/sample-data';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The default sample that `lvzhi demo` records (seed 2019, the city committee, 2019), checked against the
 * Chongqing CPPCC's published 2019 figures (DOMAIN.md). Tolerances:
 * - counts (members at the plenary, proposals and their review, collective and member proposals): exact;
 * - percentages (category shares of the 960 filed outright, satisfied proposers): equal at the published
 *   precision, i.e. within ±0.05 percentage points;
 * - study sessions per year: the term's 55 biweekly study sessions and 12 culture forums over five years,
 *   i.e. 11 a year exactly, and 12 / 5 = 2.4 culture forums a year rounded either way (2 or 3).
 */
describe('the demo sample is calibrated to Chongqing 2019', () => {
  let analysis: AnnualAnalysis;
  let state: DutyRecordState;
  let commands: readonly SampleCommand[];

  beforeAll(async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store);
    const [batch] = [...generateSample({ seed: 2019, years: [2019] })];
    commands = batch!.commands;
    const submit = async (command: unknown) => {
      const outcome = await handler.submit(command, 0);
      if (outcome !== 'pending') expect(outcome.status).toBe('recorded');
      if (handler.pendingCount >= 1000) await flush();
    };
    const flush = async () => {
      for (const { outcome } of await handler.flush()) expect(outcome.status).toBe('recorded');
    };
    for (const command of commands) await submit(command);
    await flush();
    const fold = async () =>
      (await projectLog(store, [dutyRecordProjection])).states.get(
        dutyRecordProjection.name,
      ) as DutyRecordState;
    const recorded = await fold();
    for (const c of batch!.corrections) await submit(correction(recorded, c));
    await flush();
    state = await fold();
    analysis = annualAnalysis(state, { committeeId: CHONGQING_CITY.committeeId, year: 2019 });
  }, 180_000);

  /** The proposals of 2019 with their current review decision and proposer type. */
  const proposals = () =>
    Object.keys(state.byStream)
      .filter((s) => s.startsWith('proposal-'))
      .map((s) => {
        const acts = liveActs(state, state.byStream[s]);
        const submitted = acts.find((a) => a.type === 'ProposalSubmitted')!;
        const review = acts.filter((a) => a.type === 'ProposalReviewed').at(-1);
        return {
          proposalId: submitted.data.proposalId as string,
          proposerType: submitted.data.proposerType as string,
          category: submitted.data.category as string,
          decision: review?.data.decision as string | undefined,
          rating: acts.filter((a) => a.type === 'ProposerFeedbackRecorded').at(-1)?.data.rating as
            | string
            | undefined,
        };
      });

  it('plenary of January 2019: 851 members expected, 804 present', () => {
    expect(analysis.plenary.meetings).toBe(1);
    expect(analysis.plenary.expected).toBe(851);
    expect(analysis.plenary.present).toBe(804);
  });

  it('1,674 proposals received: 1,660 at the session, 14 interim', () => {
    expect(analysis.proposals.submitted).toBe(1674);
    expect(analysis.proposals.session).toBe(1660);
    expect(analysis.proposals.interim).toBe(14);
  });

  it('1,224 filed (including merged), 450 not filed', () => {
    const p = analysis.proposals;
    expect(p.filed).toBe(1224);
    expect(p.submitted - p.filed).toBe(450);
    expect(p.notFiled + p.converted + p.returned + p.pendingReview).toBe(450);
  });

  it('960 filed outright and passed to handling units: 156 collective, 804 from members', () => {
    const outright = proposals().filter((p) => p.decision === 'filed');
    expect(outright).toHaveLength(960);
    expect(outright.filter((p) => p.proposerType === 'collective')).toHaveLength(156);
    expect(outright.filter((p) => p.proposerType !== 'collective')).toHaveLength(804);
    expect(analysis.proposals.filed - analysis.proposals.merged).toBe(960);
  });

  it('categories of the 960 as published: economic 27.2%, political 11%, cultural 17.9%, social 21.6%, ecological 22.3%', () => {
    const outright = proposals().filter((p) => p.decision === 'filed');
    const published = { economic: 27.2, political: 11, cultural: 17.9, social: 21.6, ecological: 22.3 };
    for (const [category, percent] of Object.entries(published)) {
      const share = (100 * outright.filter((p) => p.category === category).length) / outright.length;
      expect(Math.abs(share - percent), category).toBeLessThanOrEqual(0.05);
    }
  });

  it('95.6% of proposers satisfied', () => {
    const rated = proposals().filter((p) => p.rating !== undefined);
    expect(rated).toHaveLength(960);
    const share = (100 * rated.filter((p) => p.rating === 'satisfied').length) / rated.length;
    expect(Math.abs(share - 95.6)).toBeLessThanOrEqual(0.05);
  });

  it('study sessions in the year: 11 biweekly study sessions (55 a term), 2 or 3 culture forums (12 a term)', () => {
    const study = commands.filter((c) => c.command === 'ScheduleMeeting' && c.data.kind === 'study');
    const titled = (word: string) => study.filter((c) => String(c.data.title).includes(word)).length;
    expect(titled('双周学习会')).toBe(11);
    expect(titled('文化月坛')).toBeGreaterThanOrEqual(2);
    expect(titled('文化月坛')).toBeLessThanOrEqual(3);
  });
});

/** A planned correction as a command naming the event it corrects: the live act of its type whose data matches. */
function correction(state: DutyRecordState, c: PlannedCorrection): unknown {
  const target = Object.values(state.acts).find(
    (a) =>
      a.type === c.target.type &&
      !a.retraction &&
      Object.entries(c.target.match).every(([k, v]) => a.data[k] === v),
  );
  expect(target, JSON.stringify(c.target)).toBeDefined();
  return { command: c.command, data: { eventId: target!.eventId, ...c.data }, meta: c.meta };
}
