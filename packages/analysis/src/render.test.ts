import type { DutyRecordState } from '@lvzhi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnualAnalysis } from './analysisTypes.ts';
import { annualAnalysis, rollUp } from './annualAnalysis.ts';
import { committeeYearHistory } from './committeeYear.fixture.ts';
import { analysisToCsv } from './csv.ts';
import { History } from './history.fixture.ts';
import { analysisToMarkdown } from './markdown.ts';

describe('Given the 2019 analysis of cq', () => {
  let state: DutyRecordState;
  let a: AnnualAnalysis;

  beforeAll(async () => {
    state = await (await committeeYearHistory()).history.state();
    a = annualAnalysis(state, { committeeId: 'cq', year: 2019 });
  });

  describe('analysisToMarkdown', () => {
    it('labels figures in English with the Chinese domain terms beside them', () => {
      const md = analysisToMarkdown(a, 'en');
      expect(md.startsWith('# Annual overall analysis 年度整体分析 · 重庆市政协 · 2019\n')).toBe(true);
      expect(md).toContain('| Plenary turnout 全体会议出席率 | 54.5% |'); // 6 / 11
      expect(md).toContain('| Key 重点提案 | 1 |');
      expect(md).toContain('| Economic 经济 | 2 | 1 |');
      expect(md).toContain('| Attendances 出席 | 8 | 1.33 | 4 |');
      expect(md).toContain('| 经济界 | 3 | 7.33 | 100.0% | 6 | 3 | 0 |');
      expect(md).toContain('| Members 委员 | 5 | 6 | +1 |');
      expect(md).toContain('| Plenary turnout 全体会议出席率 | 80.0% | 54.5% | -25.5 pp |');
    });

    it('never shows a member with nothing recorded without the reason of a long leave', () => {
      const md = analysisToMarkdown(a, 'en');
      expect(md).toContain('- m4\n- m5 (Long leave 长期请假: Illness 疾病)');
      expect(md).toContain('| m5 | 钱五 | Illness 疾病 | 2019-08-01 | 2019-12-31 |');
    });

    it('labels figures in Chinese only', () => {
      const md = analysisToMarkdown(a, 'zh');
      expect(md).toContain('| 全体会议出席率 | 54.5% |');
      expect(md).toContain('- m5 (长期请假: 疾病)');
      expect(md).toContain('| 全体会议出席率 | 80.0% | 54.5% | -25.5 个百分点 |');
      expect(md).not.toMatch(/Plenary|Proposals|Members/);
    });

    it('renders a roll-up with a row per committee', () => {
      const md = analysisToMarkdown(rollUp(state, { committeeIds: ['cq', 'yz'], year: 2019 }), 'en');
      expect(md).toContain('# Annual overall analysis, roll-up 年度整体分析（汇总） · 2019');
      expect(md).toContain('| 渝中区政协 (yz) | 2 | 1 | 1 | 0 | 0 | 100.0% |');
    });
  });

  describe('analysisToCsv', () => {
    it('writes one metric,value row per figure under a header', () => {
      const lines = analysisToCsv(a).trimEnd().split('\n');
      expect(lines[0]).toBe('metric,value');
      expect(lines).toContain('year,2019');
      expect(lines).toContain('members,6');
      expect(lines).toContain(`plenary.turnout,${6 / 11}`);
      expect(lines).toContain('plenary.byMeeting.P2.session,');
      expect(lines).toContain('proposals.byCategory.economic.filed,1');
      expect(lines).toContain('opinions.adoptedByLevel.city,2');
      expect(lines).toContain('bySector.经济界.members,3');
      expect(lines).toContain('bySpecialCommittee.提案委员会.proposals,5');
      expect(lines).toContain('membersWithNothingRecorded,m4;m5');
      expect(lines).toContain('longLeave.m5@2019-08-01.reason,illness');
      expect(lines).toContain('previousYear.change.proposalsSubmitted,6');
      expect(lines).not.toContain('bySector.经济界.sector,经济界');
      for (const line of lines) expect(line.split(',')).toHaveLength(2);
    });
  });
});

describe('Given names with commas, quotes and a leading equals sign', () => {
  it('quotes CSV fields and keeps spreadsheets from running text as formulas', async () => {
    const h = new History();
    await h.record('RegisterCommittee', { committeeId: 'q', name: '区政协, "试点"', level: 'county' });
    await h.record('OpenTerm', { committeeId: 'q', term: 1, startsOn: '2019-01-01', endsOn: '2023-12-31' });
    await h.record('AppointMember', {
      memberId: 'z1',
      name: '=HYPERLINK("x")',
      committeeId: 'q',
      term: 1,
      sector: 'a|b',
      appointedOn: '2019-01-01',
    });
    await h.record('DeclareLongLeave', { memberId: 'z1', from: '2019-02-01', reason: 'maternity' });
    const a = annualAnalysis(await h.state(), { committeeId: 'q', year: 2019 });
    const lines = analysisToCsv(a).split('\n');
    expect(lines).toContain('committeeName,"区政协, ""试点"""');
    expect(lines).toContain(`longLeave.z1@2019-02-01.name,"'=HYPERLINK(""x"")"`);
    expect(lines).toContain('longLeave.z1@2019-02-01.to,');
    const md = analysisToMarkdown(a, 'zh');
    expect(md).toContain('| a\\|b | 1 |');
    expect(md).toContain('| z1 | =HYPERLINK("x") | 生育 | 2019-02-01 | 未定 |');
  });
});
