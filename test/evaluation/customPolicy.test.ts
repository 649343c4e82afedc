import { fileURLToPath } from 'node:url';
import { evaluateStore, evaluationToMarkdown, loadPolicy, type Policy } from '@lvzhi/evaluation';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Line, recordLines } from './scenario.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const line = (command: string, data: Record<string, unknown>): Line => ({ command, data, layer: 1 });
const member = (memberId: string) =>
  line('AppointMember', {
    memberId,
    name: memberId,
    committeeId: 'sf',
    term: 1,
    sector: '农业界',
    appointedOn: '2022-01-01',
  });
const meeting = (meetingId: string, kind: string, startsOn: string) =>
  line('ScheduleMeeting', { meetingId, committeeId: 'sf', kind, title: meetingId, startsOn, term: 1 });
const attend = (meetingId: string, memberId: string, status: string, leaveReason?: string) =>
  line('RecordAttendance', { meetingId, memberId, status, ...(leaveReason ? { leaveReason } : {}) });
const publicity = (publicityId: string, level: string) =>
  line('RecordPublicity', {
    publicityId,
    memberId: 'K1',
    kind: 'article',
    outlet: '日报',
    level,
    publishedOn: '2023-05-01',
  });

const LINES: Line[] = [
  line('RegisterCommittee', { committeeId: 'sf', name: '示范县政协', level: 'county' }),
  line('OpenTerm', { committeeId: 'sf', term: 1, startsOn: '2022-01-01', endsOn: '2026-12-31' }),
  member('K1'),
  member('K2'),
  member('K3'),
  meeting('P', 'plenary', '2023-01-10'),
  meeting('C', 'consultation', '2023-03-01'),
  ...['1', '2', '3', '4', '5', '6'].map((k) => meeting(`S${k}`, 'study', `2023-0${k}-20`)),
  attend('P', 'K1', 'present'),
  ...['1', '2', '3', '4', '5', '6'].map((k) => attend(`S${k}`, 'K1', 'present')),
  attend('P', 'K2', 'excused', 'higher-level-meeting'),
  attend('C', 'K2', 'excused', 'illness'),
  attend('S1', 'K2', 'absent'),
  line('SubmitProposal', {
    proposalId: 'KP1',
    committeeId: 'sf',
    title: '关于发展特色农业的提案',
    category: 'economic',
    submittedOn: '2023-01-11',
    proposerType: 'joint',
    leadMemberId: 'K1',
    coSignerIds: ['K2'],
  }),
  line('ReviewProposal', { proposalId: 'KP1', decision: 'filed', decidedOn: '2023-02-01' }),
  publicity('N1', 'provincial'),
  publicity('N2', 'city'),
  line('MarkKeyProposal', { proposalId: 'KP1', markedOn: '2023-03-01' }),
];

describe('Given a policy file written by a committee', () => {
  let policy: Policy;

  beforeAll(() => {
    const loaded = loadPolicy(fixture('shifan-county-2024.json'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    policy = loaded.value;
  });

  it('evaluates it like a preset', async () => {
    // Everything recorded on 2024-01-15, except the key mark (recorded 2024-03-01, the last line).
    const store = await recordLines(LINES, (i) =>
      i === LINES.length - 1 ? '2024-03-01T00:00:00Z' : '2024-01-15T00:00:00Z',
    );
    const result = await evaluateStore(store, { policy, committeeId: 'sf', year: 2023, now: '2024-06-01' });
    const by = Object.fromEntries(result.results.map((r) => [r.memberId, r]));
    // K1: attendance 40 + study 6 × 1 → rule cap 5 = 45; proposals: lead 60% × (8 + 6 key) = 8.4;
    //     publicity 5 + 2 = 7 → 60.4 → competent
    expect(by.K1!.blocks.map((b) => [b.id, b.points])).toEqual([
      ['attendance', 45],
      ['proposals', 8.4],
      ['publicity', 7],
    ]);
    expect(by.K1!.score).toBeCloseTo(60.4, 9);
    expect(by.K1!.grade).toBe('competent');
    // K2: 40 − 8 (S1 on 01-20, absent) − 8 (C on 03-01, excused for illness); P excused for a higher-level meeting is exempt;
    //     co-signer 20% × (8 + 6) = 2.8 → 26.8; two absences in 2023 → absence-warning
    expect(by.K2!.score).toBeCloseTo(26.8, 9);
    expect(by.K2!.items.filter((i) => i.rule === 'absence').map((i) => i.subject?.id)).toEqual(['S1', 'C']);
    expect(by.K2!.flags.map((f) => [f.code, f.year])).toEqual([['absence-warning', 2023]]);
    // K3: nothing recorded → 40, no proposal → flag, incompetent
    expect(by.K3!.score).toBe(40);
    expect(by.K3!.flags.map((f) => [f.code, f.detail])).toEqual([['no-proposal', ['proposal']]]);
    expect(Object.fromEntries(result.results.map((r) => [r.memberId, r.percentileInSector]))).toEqual({
      K1: 1,
      K2: 1 / 3,
      K3: 2 / 3,
    });
    expect(result.policy).toEqual({ id: 'shifan-county-2024', version: '2024.1' });
    const md = evaluationToMarkdown(result, policy, 'zh');
    expect(md).toContain('重点提案 — 提案 KP1 (2023-01-11): 6 × 60% = 3.6');
    expect(md).toContain('缺席（含非因参加上级会议请假） — 会议 C (2023-03-01, 请假: 病假): −8');
  });

  it('as of an earlier day it ignores what was recorded later (the key mark)', async () => {
    const store = await recordLines(LINES, (i) =>
      i === LINES.length - 1 ? '2024-03-01T00:00:00Z' : '2024-01-15T00:00:00Z',
    );
    const result = await evaluateStore(store, { policy, committeeId: 'sf', year: 2023, asOf: '2024-01-31' });
    expect(result.asOf).toBe('2024-01-31T15:59:59.999Z');
    const k1 = result.results.find((r) => r.memberId === 'K1')!;
    expect(k1.items.some((i) => i.rule === 'key')).toBe(false);
    expect(k1.score).toBeCloseTo(45 + 4.8 + 7, 9);
  });

  it('rejects a broken file, naming the JSON path and the rule of each mistake', () => {
    const loaded = loadPolicy(fixture('broken-policy.json'));
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error.map((p) => [p.path, p.rule])).toEqual([
      ['$.title.en', 'invalid-type'],
      ['$.params.absence.counting', 'invalid-value'],
      ['$.score.blocks[0].base', 'invalid-type'],
      ['$.score.blocks[0].rules[0].select.meetingKinds[0]', 'invalid-value'],
    ]);
  });

  it('names neither a preset nor a file: says so', () => {
    const loaded = loadPolicy('no-such-policy');
    expect(!loaded.ok && loaded.error).toEqual([
      {
        path: '$',
        rule: 'unknown-policy',
        message: '"no-such-policy" is neither a preset id nor a readable file',
      },
    ]);
  });
});
