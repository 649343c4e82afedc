import type { DutyRecordState } from '@lvzhi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluateOptions } from '../evaluation/evaluate.ts';
import { evaluate } from '../evaluation/evaluate.ts';
import type { Evaluation } from '../evaluation/evaluationTypes.ts';
import { RecordWorld } from '../testFixtures/recordWorld.ts';
import { presetPolicy } from './presets.ts';

const policy = presetPolicy('xuanwei-term')!;

describe('Given the xuanwei-term preset (sanctions within a term; term 1 = 2018-01-01..2022-12-31)', () => {
  let state: DutyRecordState;
  let result: Evaluation;
  const ev: Record<string, string> = {};
  const flagsOf = (r: Evaluation, id: string) =>
    r.results.find((m) => m.memberId === id)!.flags.map((f) => ({ code: f.code, year: f.year }));
  const run = (o: Partial<EvaluateOptions>) =>
    evaluate(state, { policy, committeeId: 'xw', term: 1, now: '2024-01-01', ...o });

  beforeAll(async () => {
    const w = await RecordWorld.create({
      committeeId: 'xw',
      terms: [{ term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' }],
    });
    for (const m of ['X1', 'X2', 'X5']) await w.member(m);
    await w.member('X3', { appointedOn: '2020-06-01' });
    // The term's years: its plenary sessions are held 2018..2022.
    for (const y of [2018, 2019, 2020, 2021, 2022])
      ev[`p${y}`] = await w.meeting(`p${y}`, 'plenary', `${y}-01-15`);
    await w.meeting('s2019', 'standing', '2019-06-01');
    // X1: unexcused absence in 2019 and 2021; one proposal every year.
    for (const y of [2018, 2019, 2020, 2021, 2022]) {
      const status = y === 2019 || y === 2021 ? 'absent' : 'present';
      ev[`x1-${y}`] = await w.attend(`p${y}`, 'X1', status);
      await w.individual(`x1-${y}`, 'X1', `${y}-03-01`);
    }
    // X2: excused (never unexcused) every year; proposals in 2018 and 2021 only (as co-signer in 2021).
    for (const y of [2018, 2019, 2020, 2021, 2022]) await w.attend(`p${y}`, 'X2', { excused: 'work' });
    await w.individual('x2-a', 'X2', '2018-03-01');
    await w.joint('x2-b', 'X1', ['X2'], '2021-04-01');
    // X3: appointed mid-term; a proposal in 2020 only.
    await w.individual('x3-a', 'X3', '2020-07-01');
    // X5: resigned on 2019-07-01 with no proposal.
    await w.endMembership('X5', '2019-07-01');
    state = await w.state();
    result = run({});
  });

  it('the 1st unexcused plenary absence → public-criticism, the 2nd → revocation-procedure; both are kept', () => {
    const x1 = result.results.find((m) => m.memberId === 'X1')!;
    expect(x1.score).toBeNull();
    expect(x1.grade).toBeNull();
    expect(x1.percentileInSector).toBeNull();
    expect(x1.flags).toEqual([
      { code: 'public-criticism', year: 2019, evidence: [ev['x1-2019'], ev.p2019] },
      {
        code: 'revocation-procedure',
        year: 2021,
        evidence: [ev['x1-2019'], ev.p2019, ev['x1-2021'], ev.p2021],
      },
    ]);
  });

  it('no proposal in 2019 and 2020 → advise-against-reappointment (2020), and fewer than 3 over the term → again, without a year', () => {
    // X2: proposals 2018 (x2-a) and 2021 (co-signer of x2-b) → first empty pair 2019–2020; total 2 < 3
    expect(flagsOf(result, 'X2')).toEqual([
      { code: 'advise-against-reappointment', year: 2020 },
      { code: 'advise-against-reappointment', year: undefined },
    ]);
    expect(result.results.find((m) => m.memberId === 'X2')!.flags[0]!.detail).toEqual(['2019', '2020']);
  });

  it('a member appointed mid-term is not pro-rated: only the years seated count for the pair', () => {
    // X3 seated 2020..2022: 2020 has x3-a; 2021 and 2022 none → flag 2022; total 1 < 3 → flag without year
    expect(flagsOf(result, 'X3')).toEqual([
      { code: 'advise-against-reappointment', year: 2022 },
      { code: 'advise-against-reappointment', year: undefined },
    ]);
  });

  it('a member who left in 2019 is still evaluated for the term', () => {
    // X5 seated in 2018 and 2019 (until 2019-07-01), no proposal → pair 2018–2019; total 0 < 3
    expect(flagsOf(result, 'X5')).toEqual([
      { code: 'advise-against-reappointment', year: 2019 },
      { code: 'advise-against-reappointment', year: undefined },
    ]);
  });

  it('while the term runs there is no whole-term flag, and a year still running does not count yet', () => {
    // now 2022-06-01: the term has not ended; 2022 is not over, so X3 (2021 empty, 2022 running) has no pair
    const midway = run({ now: '2022-06-01' });
    expect(flagsOf(midway, 'X2')).toEqual([{ code: 'advise-against-reappointment', year: 2020 }]);
    expect(flagsOf(midway, 'X3')).toEqual([]);
    expect(flagsOf(midway, 'X1').map((f) => f.code)).toEqual(['public-criticism', 'revocation-procedure']);
  });

  it('refuses a year for a term policy and an unknown term', () => {
    expect(() => evaluate(state, { policy, committeeId: 'xw', year: 2019 })).toThrow(/per term/);
    expect(() => run({ term: 9 })).toThrow(expect.objectContaining({ code: 'unknown-term' }));
    expect(() => run({ committeeId: 'nowhere' })).toThrow(
      expect.objectContaining({ code: 'unknown-committee' }),
    );
  });
});
