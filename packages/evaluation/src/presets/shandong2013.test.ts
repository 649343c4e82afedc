import type { DutyRecordState } from '@lvzhi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../evaluation/evaluate.ts';
import type { Evaluation } from '../evaluation/evaluationTypes.ts';
import { RecordWorld } from '../testFixtures/recordWorld.ts';
import { presetPolicy } from './presets.ts';

const policy = presetPolicy('shandong-2013')!;

describe('Given the shandong-2013 preset (persuade-to-resign; absences = all but exempt; < 2/3 attended is absent)', () => {
  let state: DutyRecordState;
  let result: Evaluation;
  const ev: Record<string, string> = {};
  const flags = (id: string) => result.results.find((m) => m.memberId === id)!.flags;

  beforeAll(async () => {
    const w = await RecordWorld.create({
      committeeId: 'sd',
      terms: [{ term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' }],
    });
    for (const m of ['S1', 'S2', 'S4']) await w.member(m, { standing: true });
    for (const m of ['S3', 'S5']) await w.member(m);
    for (const y of [2018, 2019, 2020, 2021]) ev[`p${y}`] = await w.meeting(`p${y}`, 'plenary', `${y}-01-15`);
    const standing = {
      a: '2018-03-01',
      b: '2018-06-01',
      s1: '2019-03-01',
      s2: '2019-04-01',
      s3: '2019-05-01',
      s4: '2019-06-01',
      s5: '2019-08-01',
      s6: '2019-09-01',
      c: '2020-03-01',
      d: '2020-06-01',
      e: '2021-03-01',
      f: '2021-06-01',
    };
    for (const [id, on] of Object.entries(standing)) ev[id] = await w.meeting(id, 'standing', on);

    // S1, standing: in 2019 absent (s1), excused for illness (s2), excused for a higher-level meeting (s3,
    // exempt), present for half of s4 (< 2/3) → absences s1, s2, s4 = 3 in 2019.
    ev.s1S1 = await w.attend('s1', 'S1', 'absent');
    ev.s2S1 = await w.attend('s2', 'S1', { excused: 'illness' });
    await w.attend('s3', 'S1', { excused: 'higher-level-meeting' });
    ev.s4S1 = await w.attend('s4', 'S1', { present: 0.5 });

    // S2, standing: two absences a year 2018..2021 (8), never 3 in one year; exactly 2/3 and official-abroad
    // do not count.
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) ev[`${id}S2`] = await w.attend(id, 'S2', 'absent');
    ev.s1S2 = await w.attend('s1', 'S2', 'absent');
    await w.attend('s2', 'S2', { present: 2 / 3 });
    await w.attend('s3', 'S2', { excused: 'official-abroad' });
    ev.s4S2 = await w.attend('s4', 'S2', { excused: 'work' });

    // S3, ordinary: plenaries absent (2018), excused for work (2019), present for 0.6 (2020) → 3 in the term;
    // absent as observer at standing meetings, which count only for standing members.
    ev.p2018S3 = await w.attend('p2018', 'S3', 'absent');
    ev.p2019S3 = await w.attend('p2019', 'S3', { excused: 'work' });
    ev.p2020S3 = await w.attend('p2020', 'S3', { present: 0.6 });
    for (const id of ['s1', 's2', 's3']) await w.attend(id, 'S3', 'absent', 'observer');

    // S4: standing until 2019-07-01: absent at s1, s2 as a standing member, then at s5, s6 as observer → 2.
    await w.attend('s1', 'S4', 'absent');
    await w.attend('s2', 'S4', 'absent');
    await w.setStanding('S4', false, '2019-07-01');
    await w.attend('s5', 'S4', 'absent', 'observer');
    await w.attend('s6', 'S4', 'absent', 'observer');

    // S5: exactly 2/3 at three plenaries, excused for a higher-level meeting at the fourth → no absence.
    for (const y of [2018, 2019, 2020]) await w.attend(`p${y}`, 'S5', { present: 2 / 3 });
    await w.attend('p2021', 'S5', { excused: 'higher-level-meeting' });

    state = await w.state();
    result = evaluate(state, { policy, committeeId: 'sd', term: 1, now: '2024-01-01' });
  });

  it('a standing member absent from 3 standing meetings in a year: one flag, with the year of the 3rd absence', () => {
    expect(flags('S1')).toEqual([
      {
        code: 'persuade-to-resign',
        year: 2019,
        detail: ['standing-meetings-in-a-year'],
        evidence: [ev.s1S1, ev.s1, ev.s2S1, ev.s2, ev.s4S1, ev.s4],
      },
    ]);
  });

  it('7 standing-meeting absences over the term (never 3 in a year): flagged in the year of the 7th', () => {
    // 2018: a, b; 2019: s1, s4 (work); 2020: c, d; 2021: e (7th), f → 2021; s2 at exactly 2/3 is no absence
    expect(flags('S2')).toEqual([
      {
        code: 'persuade-to-resign',
        year: 2021,
        detail: ['standing-meetings-in-the-term'],
        evidence: [
          ev.aS2,
          ev.a,
          ev.bS2,
          ev.b,
          ev.s1S2,
          ev.s1,
          ev.s4S2,
          ev.s4,
          ev.cS2,
          ev.c,
          ev.dS2,
          ev.d,
          ev.eS2,
          ev.e,
        ],
      },
    ]);
  });

  it('any member absent from 3 plenaries in the term (excused for work and < 2/3 count); observer seats do not', () => {
    expect(flags('S3')).toEqual([
      {
        code: 'persuade-to-resign',
        year: 2020,
        detail: ['plenaries-in-the-term'],
        evidence: [ev.p2018S3, ev.p2018, ev.p2019S3, ev.p2019, ev.p2020S3, ev.p2020],
      },
    ]);
  });

  it('standing meetings count only while the member was a standing member', () => {
    expect(flags('S4')).toEqual([]);
  });

  it('exactly 2/3 attended is not an absence, nor is leave for a higher-level meeting', () => {
    expect(flags('S5')).toEqual([]);
  });

  it('the counting rule is a parameter: under `unexcused` only S1 s1 and S3 p2018 remain absences', () => {
    const unexcused = {
      ...policy,
      params: { ...policy.params, absence: { counting: 'unexcused' as const, exemptLeaveReasons: [] } },
    };
    const r = evaluate(state, { policy: unexcused, committeeId: 'sd', term: 1, now: '2024-01-01' });
    // S2 still has 7 plain absences (a, b, s1, c, d, e, f) → the term flag; nobody else reaches a threshold
    expect(
      r.results.filter((m) => m.flags.length > 0).map((m) => [m.memberId, m.flags.map((f) => f.detail)]),
    ).toEqual([['S2', [['standing-meetings-in-the-term']]]]);
  });
});
