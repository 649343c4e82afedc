import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../evaluation/evaluate.ts';
import type { Evaluation, MemberEvaluation } from '../evaluation/evaluationTypes.ts';
import { RecordWorld } from '../testFixtures/recordWorld.ts';
import { presetPolicy } from './presets.ts';

const policy = presetPolicy('tongcheng-2019')!;
const sum = (xs: readonly { points: number }[]) => xs.reduce((s, x) => s + x.points, 0);

describe('Given the tongcheng-2019 preset (one calendar year, 100 points, pass mark 60)', () => {
  let w: RecordWorld;
  let result: Evaluation;
  const ev: Record<string, string> = {};
  const member = (id: string): MemberEvaluation => result.results.find((r) => r.memberId === id)!;
  const items = (id: string, rule: string) => member(id).items.filter((i) => i.rule === rule);
  const block = (id: string, b: string) => member(id).blocks.find((x) => x.id === b)!;

  beforeAll(async () => {
    w = await RecordWorld.create({
      committeeId: 'tc',
      terms: [{ term: 1, startsOn: '2017-01-01', endsOn: '2021-12-31' }],
    });
    for (const m of ['A', 'B']) await w.member(m, { sector: '经济界' });
    for (const m of ['C', 'E', 'G']) await w.member(m, { sector: '教育界' });
    for (const m of ['D', 'F']) await w.member(m, { sector: '教育界', standing: true });
    ev.p0 = await w.meeting('p0', 'plenary', '2018-01-10');
    ev.p1 = await w.meeting('p1', 'plenary', '2019-01-10');
    ev.p2 = await w.meeting('p2', 'plenary', '2019-01-12');
    ev.s1 = await w.meeting('s1', 'standing', '2019-03-01');
    ev.s2 = await w.meeting('s2', 'standing', '2019-05-01');
    ev.s3 = await w.meeting('s3', 'standing', '2019-09-01');
    for (const k of ['1', '2', '3']) {
      await w.meeting(`i${k}`, 'inspection', `2019-04-0${k}`);
      await w.meeting(`r${k}`, 'research', `2019-06-0${k}`);
    }
    // A attends everything: both plenaries, three inspections and three research trips.
    await w.attend('p0', 'A', 'absent'); // 2018: does not count in 2019
    ev.aP1 = await w.attend('p1', 'A', 'present');
    ev.aP2 = await w.attend('p2', 'A', 'present');
    for (const k of ['1', '2', '3']) {
      await w.attend(`i${k}`, 'A', 'present');
      await w.attend(`r${k}`, 'A', 'present');
    }
    ev.pA1 = await w.individual('pA1', 'A', '2019-02-01');
    ev.pA1review = await w.review('pA1', 'filed', '2019-03-01');
    ev.pA2 = await w.individual('pA2', 'A', '2019-02-02');
    await w.review('pA2', 'not-filed', '2019-03-01');
    ev.oA1 = await w.opinion('oA1', ['A'], '2019-05-01');
    ev.oA1city = await w.adopt('oA1', 'city', '2019-05-10');
    ev.oA1prov = await w.adopt('oA1', 'provincial', '2019-06-10');
    await w.opinion('oA2', ['A'], '2019-05-02');
    // B: present once, excused once; leads a joint proposal with three co-signers; a listed written speech.
    await w.attend('p1', 'B', 'present');
    ev.bP2 = await w.attend('p2', 'B', { excused: 'illness' });
    ev.pB1 = await w.joint('pB1', 'B', ['C', 'D', 'E'], '2019-03-10');
    ev.pB1review = await w.review('pB1', 'filed', '2019-04-10');
    ev.bSpeech = await w.speech('p1', 'B', 'written', true);
    ev.oB1 = await w.opinion('oB1', ['B', 'A'], '2019-07-01');
    // C: absent twice; proposals at the edges of the year (committee zone Asia/Shanghai).
    await w.attend('p1', 'C', 'absent');
    await w.attend('p2', 'C', 'absent');
    await w.individual('pC0', 'C', '2018-12-31T23:30:00+08:00');
    ev.pC1 = await w.individual('pC1', 'C', '2019-12-31T23:30:00+08:00');
    await w.individual('pC2', 'C', '2019-12-31T16:30:00Z');
    // D: standing member until 2019-07-01; excused at s1, absent at s2, absent as observer at s3 (not standing).
    await w.attend('p1', 'D', 'present');
    await w.attend('p2', 'D', 'present');
    ev.dS1 = await w.attend('s1', 'D', { excused: 'work' });
    ev.dS2 = await w.attend('s2', 'D', 'absent');
    await w.setStanding('D', false, '2019-07-01');
    await w.attend('s3', 'D', 'absent', 'observer');
    // E: no plenary record; main member of a collective proposal.
    ev.pK1 = await w.collective('pK1', ['E', 'F', 'G'], '2019-04-01');
    ev.pK1review = await w.review('pK1', 'filed', '2019-05-01');
    // F: standing, absent from p1 and from s1.
    await w.attend('p1', 'F', 'absent');
    ev.fS1 = await w.attend('s1', 'F', 'absent');
    // G: present at both plenaries.
    await w.attend('p1', 'G', 'present');
    await w.attend('p2', 'G', 'present');
    await w.individual('pG1', 'G', '2019-12-31T23:30:00+08:00');
    result = evaluate(await w.state(), { policy, committeeId: 'tc', year: 2019, now: '2025-01-01' });
  });

  it('evaluates every member seated in the year, grouped by sector, under the policy id and version', () => {
    expect(result.policy).toEqual({ id: 'tongcheng-2019', version: '1' });
    expect(result.period).toEqual({ year: 2019 });
    expect(result.results.map((r) => r.memberId)).toEqual(['C', 'D', 'E', 'F', 'G', 'A', 'B']);
  });

  it('a member who attended everything and did more than the caps allow scores 100', () => {
    // meetings: present at both plenaries → 50
    // proposals: pA1 10 + 15 (filed) + pA2 10 (not filed) = 35 → cap 25 (adjustment −10)
    // activities: 6 × 2 = 12 → cap 10 (adjustment −2)
    // opinions: oA1 10 + 5 (adopted twice, counted once) + oA2 10 + oB1 10 (second author) = 35 → cap 15 (−20)
    // score 50 + 25 + 10 + 15 = 100 → pass
    const a = member('A');
    expect(a.blocks).toEqual([
      { id: 'meetings', points: 50, cap: 50, floor: 0 },
      { id: 'proposals', points: 25, cap: 25 },
      { id: 'activities', points: 10, cap: 10 },
      { id: 'opinions', points: 15, cap: 15 },
    ]);
    expect(a.score).toBe(100);
    expect(a.grade).toBe('pass');
    expect(a.flags).toEqual([]);
    expect(items('A', 'plenary-attendance')).toEqual([
      {
        block: 'meetings',
        rule: 'plenary-attendance',
        kind: 'tier',
        tier: 2,
        points: 50,
        evidence: [ev.aP1, ev.p1, ev.aP2, ev.p2],
        subjects: [
          { family: 'attendance', id: 'p1', on: '2019-01-10', status: 'present' },
          { family: 'attendance', id: 'p2', on: '2019-01-12', status: 'present' },
        ],
      },
    ]);
    expect(items('A', 'proposal-filed')).toMatchObject([{ points: 15, evidence: [ev.pA1, ev.pA1review] }]);
    expect(items('A', 'proposals')).toEqual([
      {
        block: 'proposals',
        rule: 'proposals',
        kind: 'cap',
        points: -10,
        evidence: [ev.pA1, expect.any(String), ev.pA1review],
      },
    ]);
    expect(items('A', 'activities')).toMatchObject([{ kind: 'cap', points: -2 }]);
    expect(items('A', 'opinion-adopted')).toMatchObject([
      { points: 5, evidence: [ev.oA1, ev.oA1city, ev.oA1prov] },
    ]);
    expect(items('A', 'opinions')).toMatchObject([{ kind: 'cap', points: -20 }]);
    for (const b of a.blocks) expect(sum(a.items.filter((i) => i.block === b.id))).toBeCloseTo(b.points, 9);
  });

  it('one excused plenary gives 30; the lead of a joint proposal gets 50% of 25 = 12.5', () => {
    // meetings 30; proposals: pB1 lead 10 × 50% + 15 × 50% = 12.5; activities: listed written speech 5;
    // opinions: oB1 10 (not adopted) → 30 + 12.5 + 5 + 10 = 57.5 < 60 → fail, below-pass-mark
    const b = member('B');
    expect(items('B', 'plenary-attendance')).toMatchObject([{ tier: 1, points: 30 }]);
    expect(items('B', 'proposal-submitted')).toMatchObject([{ points: 5, share: 0.5, evidence: [ev.pB1] }]);
    expect(items('B', 'proposal-filed')).toMatchObject([
      { points: 7.5, share: 0.5, evidence: [ev.pB1, ev.pB1review] },
    ]);
    expect(items('B', 'listed-speech')).toMatchObject([{ points: 5, evidence: [ev.bSpeech, ev.p1] }]);
    expect(b.score).toBe(57.5);
    expect(b.grade).toBe('fail');
    expect(b.flags.map((f) => [f.code, f.year])).toEqual([['below-pass-mark', 2019]]);
  });

  it('absent twice gives 0 for plenaries; each of 3 co-signers gets 50% ÷ 3 of 25; the year is the local one', () => {
    // meetings 0; proposals: pB1 co-signer 25 × 0.5 / 3 = 4.1666…, pC1 (2019-12-31 23:30 +08:00) 10;
    // pC0 (2018-12-31 23:30 +08:00) and pC2 (2020-01-01 00:30 +08:00) are other years → 14.1666…
    const c = member('C');
    expect(items('C', 'plenary-attendance')).toMatchObject([{ tier: 0, points: 0 }]);
    expect(items('C', 'proposal-submitted').map((i) => i.subject?.id)).toEqual(['pB1', 'pC1']);
    expect(items('C', 'proposal-filed')[0]!.share).toBeCloseTo(1 / 6, 12);
    expect(block('C', 'proposals').points).toBeCloseTo(25 / 6 + 10, 9);
    expect(c.score).toBeCloseTo(25 / 6 + 10, 9);
    expect(c.grade).toBe('fail');
  });

  it('a standing member loses 2 per excused and 5 per absent standing meeting held while standing', () => {
    // meetings: 50 − 2 (s1 excused) − 5 (s2 absent) = 43; s3 was after D stopped being standing → no deduction
    // proposals: co-signer 25 / 6 → score 43 + 4.1666… = 47.1666…
    expect(items('D', 'standing-excused')).toMatchObject([{ points: -2, evidence: [ev.dS1, ev.s1] }]);
    expect(items('D', 'standing-absent')).toMatchObject([{ points: -5, evidence: [ev.dS2, ev.s2] }]);
    expect(block('D', 'meetings').points).toBe(43);
    expect(member('D').score).toBeCloseTo(43 + 25 / 6, 9);
  });

  it('no plenary record gives 0 and flags attendance-not-recorded; a collective gives each main member full points', () => {
    // meetings 0 (no record); proposals: co-signer 25/6 + collective pK1 main member 10 + 15 = 29.1666… → cap 25
    const e = member('E');
    expect(items('E', 'plenary-attendance')).toMatchObject([{ kind: 'none', points: 0 }]);
    expect(items('E', 'proposal-filed').find((i) => i.subject?.id === 'pK1')).toMatchObject({
      points: 15,
      evidence: [ev.pK1, ev.pK1review],
    });
    expect(items('E', 'proposals')[0]!.points).toBeCloseTo(25 - (25 / 6 + 25), 9);
    expect(e.score).toBe(25);
    expect(e.flags.map((f) => f.code)).toEqual(['attendance-not-recorded', 'below-pass-mark']);
    expect(e.flags[0]).toMatchObject({ year: 2019 });
  });

  it('the meetings block never goes below 0: an explicit floor adjustment restores it', () => {
    // meetings: absent at p1 → 0; absent at standing s1 → −5; floor 0 → +5; proposals: pK1 25 → score 25
    expect(items('F', 'meetings')).toEqual([
      { block: 'meetings', rule: 'meetings', kind: 'floor', points: 5, evidence: [ev.fS1, ev.s1] },
    ]);
    expect(block('F', 'meetings').points).toBe(0);
    expect(member('F').score).toBe(25);
  });

  it('percentile in sector is the share of the sector at or below, never a ranking', () => {
    // 经济界: A 100, B 57.5; 教育界: C 14.17, D 47.17, E 25, F 25, G 50 + 25 + 0 = 75 (pG1 + pK1 = 35 → 25)
    expect(member('G').score).toBe(75);
    const pct = Object.fromEntries(result.results.map((r) => [r.memberId, r.percentileInSector]));
    expect(pct).toEqual({ A: 1, B: 0.5, C: 0.2, D: 0.8, E: 0.6, F: 0.6, G: 1 });
  });

  it('a retracted excused attendance no longer counts: B is then present at every plenary recorded', async () => {
    await w.retract(ev.bP2!);
    const after = evaluate(await w.state(), { policy, committeeId: 'tc', year: 2019, now: '2025-01-01' });
    const b = after.results.find((r) => r.memberId === 'B')!;
    expect(b.items.find((i) => i.rule === 'plenary-attendance')).toMatchObject({ tier: 2, points: 50 });
    expect(b.score).toBe(77.5);
  });
});
