import type { DutyRecordState } from '@lvzhi/core';
import {
  type Evaluation,
  EvaluationError,
  evaluate,
  evaluateStore,
  type MemberEvaluation,
  type Policy,
  parsePolicy,
  presetPolicy,
} from '@lvzhi/evaluation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMITTEE,
  dutyRecord,
  eventIdOf,
  type Line,
  recordLines,
  scenarioArb,
  shuffleLayers,
} from './scenario.ts';

const NOW = '2024-06-01T00:00:00Z';
const EPS = 1e-9;
const label = { zh: '规则', en: 'rule' };
const perAct = (id: string, select: Record<string, unknown>, points: number, bounds = {}) => ({
  kind: 'per-act',
  id,
  label,
  select,
  points,
  ...bounds,
});

function policyOf(json: unknown): Policy {
  const parsed = parsePolicy(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

/** Per-act points only, no bounds: every act's points are its own. */
const additive = policyOf({
  id: 'additive',
  version: '1',
  title: label,
  description: label,
  period: 'year',
  params: { proposalCredit: { lead: 0.5, coSigners: { shared: 0.5 } } },
  score: {
    blocks: [
      {
        id: 'all',
        label,
        rules: [
          perAct('present', { act: 'attendance', statuses: ['present'] }, 2),
          perAct('absent', { act: 'attendance', statuses: ['absent'] }, -3),
          perAct('speech', { act: 'speech', listed: true }, 5),
          perAct('proposal', { act: 'proposal' }, 10),
          perAct('filed', { act: 'proposal', decisions: ['filed'] }, 15),
          perAct('key', { act: 'proposal', key: true }, 4),
          perAct('opinion', { act: 'opinion' }, 7),
          perAct('adopted', { act: 'opinion', adopted: true }, 3),
          perAct('welfare', { act: 'public-welfare' }, 1),
        ],
      },
    ],
  },
});

/** Bounds everywhere: rules, blocks and the score. */
const bounded = policyOf({
  id: 'bounded',
  version: '1',
  title: label,
  description: label,
  period: 'year',
  score: {
    cap: 40,
    floor: 5,
    blocks: [
      {
        id: 'meetings',
        label,
        base: 10,
        cap: 20,
        floor: -4,
        rules: [
          perAct('present', { act: 'attendance', statuses: ['present'] }, 3, { cap: 9 }),
          perAct('away', { act: 'attendance', countsAsAbsence: true }, -4, { floor: -12 }),
        ],
      },
      {
        id: 'work',
        label,
        cap: 25,
        rules: [
          perAct('proposal', { act: 'proposal' }, 6),
          {
            kind: 'count',
            id: 'filed',
            label,
            select: { act: 'proposal', decisions: ['filed'] },
            points: 4,
            beyond: 1,
            cap: 8,
          },
          perAct('opinion', { act: 'opinion' }, 5, { cap: 10, floor: 0 }),
        ],
      },
    ],
  },
});

const YEAR_POLICIES = [presetPolicy('tongcheng-2019')!, presetPolicy('jinan-2015')!, bounded, additive];
const TERM_POLICIES = [presetPolicy('xuanwei-term')!, presetPolicy('shandong-2013')!];

const runAll = (state: DutyRecordState, now: string | number = NOW): Evaluation[] => [
  ...YEAR_POLICIES.map((policy) => evaluate(state, { policy, committeeId: COMMITTEE, year: 2019, now })),
  ...TERM_POLICIES.map((policy) => evaluate(state, { policy, committeeId: COMMITTEE, term: 1, now })),
];

const sum = (xs: readonly { points: number }[]) => xs.reduce((s, x) => s + x.points, 0);
const RUNS = { numRuns: Number(process.env.RUNS ?? 25) };

describe('Given any small record of a committee (fast-check)', () => {
  it('caps and floors of rules, blocks and the score are never exceeded', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (lines) => {
        const state = await dutyRecord(await recordLines(lines));
        const all = runAll(state);
        for (const [i, result] of all.slice(0, YEAR_POLICIES.length).entries()) {
          const policy = YEAR_POLICIES[i]!;
          for (const r of result.results) {
            for (const block of policy.score!.blocks) {
              const points = r.blocks.find((b) => b.id === block.id)!.points;
              if (block.cap !== undefined) expect(points).toBeLessThanOrEqual(block.cap + EPS);
              if (block.floor !== undefined) expect(points).toBeGreaterThanOrEqual(block.floor - EPS);
              for (const rule of block.rules) {
                const total = sum(r.items.filter((it) => it.rule === rule.id));
                if (rule.cap !== undefined) expect(total).toBeLessThanOrEqual(rule.cap + EPS);
                if (rule.floor !== undefined) expect(total).toBeGreaterThanOrEqual(rule.floor - EPS);
              }
            }
            if (policy.score!.cap !== undefined) expect(r.score!).toBeLessThanOrEqual(policy.score!.cap);
            if (policy.score!.floor !== undefined)
              expect(r.score!).toBeGreaterThanOrEqual(policy.score!.floor);
          }
        }
        for (const r of all[0]!.results) expect(r.score! >= 0 && r.score! <= 100).toBe(true);
        for (const r of all[1]!.results) expect(r.score! >= 0 && r.score! <= 120).toBe(true);
      }),
      RUNS,
    );
  });

  it('item points add up to block points, and block points to the score', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (lines) => {
        const state = await dutyRecord(await recordLines(lines));
        for (const result of runAll(state)) {
          for (const r of result.results) {
            if (r.score === null) {
              expect(r.blocks).toEqual([]);
              expect(r.items).toEqual([]);
              continue;
            }
            for (const b of r.blocks)
              expect(Math.abs(sum(r.items.filter((i) => i.block === b.id)) - b.points)).toBeLessThan(EPS);
            expect(r.items.every((i) => r.blocks.some((b) => b.id === i.block))).toBe(true);
            expect(Math.abs(sum(r.blocks) - r.score)).toBeLessThan(EPS);
          }
        }
      }),
      RUNS,
    );
  });

  it('every cited event exists in the record and is not retracted; every seated member is evaluated', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (lines) => {
        const state = await dutyRecord(await recordLines(lines));
        const seated = Object.keys(state.byMember).filter((id) => id.startsWith('m'));
        for (const result of runAll(state)) {
          expect(result.results.map((r) => r.memberId).sort()).toEqual(seated.sort());
          for (const r of result.results) {
            const cited = [...r.items.flatMap((i) => i.evidence), ...r.flags.flatMap((f) => f.evidence)];
            for (const r2 of r.items) expect(r2.evidence.length).toBeGreaterThan(0);
            for (const id of cited) {
              expect(state.acts[id], id).toBeDefined();
              expect(state.acts[id]!.retraction).toBeUndefined();
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('retracting an act removes exactly the points of the items citing it (additive, unbounded rules)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (lines, pick) => {
        const store = await recordLines(lines);
        const before = await dutyRecord(store);
        const live = lines
          .filter((l) => l.layer === 1)
          .map(eventIdOf)
          .filter((id) => before.acts[id] && !before.acts[id]!.retraction);
        fc.pre(live.length > 0);
        const target = live[pick % live.length]!;
        const options = { policy: additive, committeeId: COMMITTEE, year: 2019, now: NOW };
        const old = evaluate(before, options);
        await recordLines([
          ...lines,
          {
            command: 'RetractRecord',
            data: { eventId: target, reason: '核实有误', approvedBy: '秘书长' },
            layer: 5,
          },
        ]).then(async (again) => {
          const after = evaluate(await dutyRecord(again), options);
          const key = (m: MemberEvaluation) => m.items.map((i) => JSON.stringify(i)).sort();
          for (const [i, m] of old.results.entries()) {
            const n = after.results[i]!;
            const removed = m.items.filter((it) => it.evidence.includes(target));
            expect(n.score!).toBeCloseTo(m.score! - sum(removed), 9);
            expect(key(n)).toEqual(
              key({ ...m, items: m.items.filter((it) => !it.evidence.includes(target)) }),
            );
          }
        });
      }),
      RUNS,
    );
  });

  it('evaluated as of T, nothing recorded after T counts', async () => {
    const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    const attempt = (f: () => Evaluation | Promise<Evaluation>) =>
      Promise.resolve()
        .then(f)
        .then(({ asOf: _asOf, ...rest }) => rest)
        .catch((e: unknown) => ({ error: e instanceof EvaluationError ? e.code : String(e) }));
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (lines, cut) => {
        const k = cut % (lines.length + 1);
        const T = k === 0 ? Date.UTC(2023, 11, 31) : Date.parse(at(k - 1));
        const full = await recordLines(lines, at);
        const prefix = await recordLines(lines.slice(0, k), at);
        for (const policy of [...YEAR_POLICIES, ...TERM_POLICIES]) {
          const period = policy.period === 'year' ? { year: 2019 } : { term: 1 };
          const asOf = await attempt(() =>
            evaluateStore(full, { policy, committeeId: COMMITTEE, ...period, asOf: T }),
          );
          const known = await attempt(async () =>
            evaluate(await dutyRecord(prefix), { policy, committeeId: COMMITTEE, ...period, now: T }),
          );
          expect(asOf).toEqual(known);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('the order in which independent streams were recorded does not matter', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), fc.nat(), async (lines: Line[], s1, s2) => {
        const a = await dutyRecord(await recordLines(shuffleLayers(lines, s1)));
        const b = await dutyRecord(await recordLines(shuffleLayers(lines, s2)));
        expect(runAll(a)).toEqual(runAll(b));
      }),
      RUNS,
    );
  });
});
