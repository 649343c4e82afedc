import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../evaluation/evaluate.ts';
import type { Evaluation, MemberEvaluation } from '../evaluation/evaluationTypes.ts';
import { RecordWorld } from '../testFixtures/recordWorld.ts';
import { presetPolicy } from './presets.ts';

const policy = presetPolicy('jinan-2015')!;

describe('Given the jinan-2015 preset (base 70, bonus capped at 50, floor 0, three minimums)', () => {
  let result: Evaluation;
  let w: RecordWorld;
  const ev: Record<string, string> = {};
  const member = (id: string): MemberEvaluation => result.results.find((r) => r.memberId === id)!;
  const items = (id: string, rule: string) => member(id).items.filter((i) => i.rule === rule);
  const codes = (id: string) => member(id).flags.map((f) => f.code);

  beforeAll(async () => {
    w = await RecordWorld.create({
      committeeId: 'jn',
      terms: [{ term: 1, startsOn: '2017-01-01', endsOn: '2021-12-31' }],
    });
    for (const m of ['J1', 'J2', 'J3', 'J5', 'J6', 'J7']) await w.member(m);
    await w.member('J4', { appointedOn: '2019-03-01' });
    await w.meeting('p1', 'plenary', '2019-01-10');
    await w.meeting('p2', 'plenary', '2019-01-12');
    await w.meeting('p3', 'plenary', '2019-01-14');
    await w.meeting('i1', 'inspection', '2019-04-01');
    await w.meeting('r1', 'research', '2019-05-01');
    await w.meeting('c1', 'consultation', '2019-06-01');

    // J1: three filed individual proposals, one key, one excellent; one public-welfare activity.
    await w.attend('p1', 'J1', 'present');
    await w.attend('i1', 'J1', 'present');
    for (const k of ['1', '2', '3']) {
      await w.individual(`j1-${k}`, 'J1', `2019-02-0${k}`);
      await w.review(`j1-${k}`, 'filed', '2019-03-01');
    }
    ev.j1key = await w.markKey('j1-1', '2019-04-01');
    ev.j1award = await w.award('j1-2', '2019-12-01');
    await w.welfare('w1-1', 'J1', '2019-07-01');

    // J2: excused from a plenary; one filed proposal as lead; six public-welfare activities.
    ev.j2excused = await w.attend('p1', 'J2', { excused: 'illness' });
    await w.attend('p2', 'J2', 'present');
    await w.attend('r1', 'J2', 'present');
    ev.j2lead = await w.joint('j2-1', 'J2', ['J1'], '2019-02-01');
    await w.review('j2-1', 'merged', '2019-03-01', 'j1-1');
    for (const k of ['1', '2', '3', '4', '5', '6']) await w.welfare(`w2-${k}`, 'J2', `2019-07-0${k}`);

    // J3: absent from a plenary, at research but no proposal or item; nothing at all in 2018.
    ev.j3absent = await w.attend('p1', 'J3', 'absent');
    await w.attend('r1', 'J3', 'present');

    // J5: twelve filed proposals: the bonus cap binds.
    await w.attend('p1', 'J5', 'present');
    await w.attend('i1', 'J5', 'present');
    for (let k = 1; k <= 12; k++) {
      await w.individual(`j5-${k}`, 'J5', `2019-02-${String(k).padStart(2, '0')}`);
      await w.review(`j5-${k}`, 'filed', '2019-03-01');
    }

    // J6: absent from three plenaries; one public-welfare activity: the score's floor binds.
    for (const p of ['p1', 'p2', 'p3']) await w.attend(p, 'J6', 'absent');
    await w.welfare('w6-1', 'J6', '2019-08-01');

    // J7: a co-signer only (no bonus), present at a plenary and an inspection; was incompetent in 2018 too.
    await w.attend('p1', 'J7', 'present');
    await w.attend('c1', 'J7', 'present');
    await w.opinion('o7', ['J7'], '2019-05-01');

    result = evaluate(await w.state(), { policy, committeeId: 'jn', year: 2019, now: '2025-01-01' });
  });

  it('meets all three minimums and earns every bonus: excellent', () => {
    // 70 + 5 × (3 − 1) + 5 (key) + 10 (excellent) + 2 (welfare) = 97 ≥ 85 → excellent
    const j1 = member('J1');
    expect(items('J1', 'filed-proposals')).toMatchObject([{ kind: 'count', count: 3, points: 10 }]);
    expect(items('J1', 'key-proposal')).toMatchObject([
      { points: 5, evidence: [expect.any(String), ev.j1key] },
    ]);
    expect(items('J1', 'excellent-proposal')).toMatchObject([
      { points: 10, evidence: [expect.any(String), ev.j1award] },
    ]);
    expect(j1.blocks).toEqual([
      { id: 'base', points: 70 },
      { id: 'bonus', points: 27, cap: 50 },
    ]);
    expect(j1.score).toBe(97);
    expect(j1.grade).toBe('excellent');
    expect(j1.flags).toEqual([]);
  });

  it('an excused plenary costs 10; one filed proposal gives 5 × (1 − 1) = 0; welfare is capped at +10', () => {
    // base 70 − 10 = 60; bonus: merged counts as filed, n = 1 → 0; welfare 6 × 2 = 12 → rule cap 10 (−2)
    // score 60 + 10 = 70 → competent (the co-signer J1 gets no bonus from j2-1)
    expect(items('J2', 'plenary-excused')).toMatchObject([
      { points: -10, evidence: [ev.j2excused, expect.any(String)] },
    ]);
    expect(items('J2', 'filed-proposals')).toMatchObject([{ count: 1, points: 0 }]);
    expect(items('J2', 'public-welfare').map((i) => [i.kind, i.points])).toEqual([
      ['act', 2],
      ['act', 2],
      ['act', 2],
      ['act', 2],
      ['act', 2],
      ['act', 2],
      ['cap', -2],
    ]);
    expect(member('J2').score).toBe(70);
    expect(member('J2').grade).toBe('competent');
  });

  it('minimums not met: incompetent, flags naming the missing parts, talk with the convener and the committee', () => {
    // 70 − 30 = 40 < 60; missing plenary-present and proposal-or-opinion; 2018: seated, nothing recorded →
    // 70 but no minimum met → incompetent in both years → talk-with-committee
    const j3 = member('J3');
    expect(j3.score).toBe(40);
    expect(j3.grade).toBe('incompetent');
    expect(j3.flags[0]).toMatchObject({
      code: 'minimum-not-met',
      year: 2019,
      detail: ['plenary-present', 'proposal-or-opinion'],
    });
    expect(codes('J3')).toEqual(['minimum-not-met', 'talk-with-convener', 'talk-with-committee']);
    expect(j3.flags[2]).toMatchObject({ year: 2019, detail: ['2018:incompetent', '2019:incompetent'] });
    expect(j3.flags[1]!.evidence).toContain(ev.j3absent);
  });

  it('no talk-with-committee for a member not seated in the previous year', () => {
    // appointed 2019-03-01, nothing recorded: 70, all three minimums missing → incompetent; 70 ≥ 60: no convener talk
    const j4 = member('J4');
    expect(j4.score).toBe(70);
    expect(j4.grade).toBe('incompetent');
    expect(j4.flags).toEqual([
      {
        code: 'minimum-not-met',
        year: 2019,
        detail: ['plenary-present', 'proposal-or-opinion', 'inspection-or-research'],
        evidence: [expect.any(String)],
      },
    ]);
  });

  it('the bonus is capped at 50, so the score is at most 120', () => {
    // 70 + 5 × (12 − 1) = 70 + 55 → bonus cap 50 (−5) → 120
    expect(items('J5', 'bonus')).toMatchObject([{ kind: 'cap', points: -5 }]);
    expect(member('J5').score).toBe(120);
    expect(member('J5').grade).toBe('excellent');
  });

  it('the score never goes below 0: an explicit score adjustment', () => {
    // 70 − 3 × 30 + 2 = −18 → floor 0 → score block +18
    const j6 = member('J6');
    expect(j6.blocks).toEqual([
      { id: 'base', points: -20 },
      { id: 'bonus', points: 2, cap: 50 },
      { id: 'score', points: 18, floor: 0 },
    ]);
    expect(j6.items.at(-1)).toMatchObject({ block: 'score', rule: 'score', kind: 'floor', points: 18 });
    expect(j6.score).toBe(0);
    expect(codes('J6')).toEqual(['minimum-not-met', 'talk-with-convener', 'talk-with-committee']);
  });

  it('an item authored meets proposal-or-opinion; a consultation is not an inspection or research', () => {
    // 70, no bonus; missing inspection-or-research only → incompetent
    expect(member('J7').score).toBe(70);
    expect(member('J7').flags[0]).toMatchObject({
      code: 'minimum-not-met',
      detail: ['inspection-or-research'],
    });
  });
});
