import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../evaluation/evaluationTypes.ts';
import { presetPolicy } from '../presets/presets.ts';
import { evaluationToCsv } from './evaluationToCsv.ts';
import { evaluationToMarkdown, showPoints } from './evaluationToMarkdown.ts';

const policy = presetPolicy('tongcheng-2019')!;
const evaluation: Evaluation = {
  policy: { id: 'tongcheng-2019', version: '1' },
  period: { year: 2019 },
  committeeId: 'tc',
  results: [
    {
      memberId: 'B',
      name: '王五, "老王"',
      sector: '经济界',
      score: 57.5,
      grade: 'fail',
      flags: [{ code: 'below-pass-mark', year: 2019, evidence: ['e1'] }],
      blocks: [
        { id: 'meetings', points: 30, cap: 50, floor: 0 },
        { id: 'proposals', points: 12.5, cap: 25 },
        { id: 'activities', points: 5, cap: 10 },
        { id: 'opinions', points: 10, cap: 15 },
      ],
      items: [
        {
          block: 'meetings',
          rule: 'plenary-attendance',
          kind: 'tier',
          tier: 1,
          points: 30,
          evidence: ['e1', 'm1', 'e2', 'm2'],
          subjects: [
            { family: 'attendance', id: 'p1', on: '2019-01-10', status: 'present' },
            { family: 'attendance', id: 'p2', on: '2019-01-12', status: 'excused', leaveReason: 'illness' },
          ],
        },
        {
          block: 'proposals',
          rule: 'proposal-submitted',
          kind: 'act',
          points: 5,
          share: 0.5,
          evidence: ['e3'],
          subject: { family: 'proposal', id: 'pB1', on: '2019-03-10' },
        },
        {
          block: 'proposals',
          rule: 'proposal-filed',
          kind: 'act',
          points: 7.5,
          share: 0.5,
          evidence: ['e3', 'e4'],
          subject: { family: 'proposal', id: 'pB1', on: '2019-03-10' },
        },
        {
          block: 'activities',
          rule: 'listed-speech',
          kind: 'act',
          points: 5,
          evidence: ['e5'],
          subject: { family: 'speech', id: 'p1', on: '2019-01-10' },
        },
        {
          block: 'opinions',
          rule: 'opinion-authored',
          kind: 'act',
          points: 25,
          evidence: ['e6'],
          subject: { family: 'opinion', id: 'o1', on: '2019-05-01' },
        },
        { block: 'opinions', rule: 'opinions', kind: 'cap', points: -15, evidence: ['e6'] },
      ],
      percentileInSector: 0.5,
    },
  ],
};

describe('Given an evaluation', () => {
  it('shows points with at most four decimals and a true minus sign', () => {
    expect(showPoints(25 / 6)).toBe('4.1667');
    expect(showPoints(-2)).toBe('−2');
    expect(showPoints(12.5)).toBe('12.5');
  });

  it('explains each member’s points in the words of the published scheme, with every event cited', () => {
    const zh = evaluationToMarkdown(evaluation, policy, 'zh');
    expect(zh).toContain('# 桐城市政协委员履职考核（2019） — 2019 年度');
    expect(zh).toContain('得分: **57.5** · 等次: 不合格 · 界别内百分位: 50%');
    expect(zh).toContain(
      '出席全体会议: 无缺席，有请假 → 30 — 会议 p1 (2019-01-10, 出席); 会议 p2 (2019-01-12, 请假: 病假)',
    );
    expect(zh).toContain('提交提案 — 提案 pB1 (2019-03-10): 10 × 50% = 5');
    expect(zh).toContain('反映社情民意: 超过上限，按上限计 → −15');
    expect(zh).toContain('`below-pass-mark` 未达到合格分数线 (2019)');
    expect(zh).toContain('依据: `e3`, `e4`');
    expect(zh).toContain('不是排名');
    const en = evaluationToMarkdown(evaluation, policy, 'en');
    expect(en).toContain('— year 2019');
    expect(en).toContain('Proposal filed or merged — proposal pB1 (2019-03-10): 15 × 50% = 7.5');
    expect(en).toContain('p2 (2019-01-12, excused: illness)');
  });

  it('as CSV: one quoted row per member with one column per block, or one row per item with its evidence', () => {
    expect(evaluationToCsv(evaluation).split('\r\n')).toEqual([
      'memberId,name,sector,score,grade,percentileInSector,flags,block:meetings,block:proposals,block:activities,block:opinions',
      'B,"王五, ""老王""",经济界,57.5,fail,0.5,below-pass-mark@2019,30,12.5,5,10',
      '',
    ]);
    const items = evaluationToCsv(evaluation, { layout: 'items' }).split('\r\n');
    expect(items[0]).toBe('memberId,block,rule,kind,points,subject,share,count,evidence');
    expect(items[1]).toBe('B,meetings,plenary-attendance,tier,30,,,,e1 m1 e2 m2');
    expect(items).toHaveLength(evaluation.results[0]!.items.length + 2);
  });
});
