import { describe, expect, it } from 'vitest';
import { archiveToMarkdown, type MemberArchive, memberArchive } from './index.ts';
import { chongqing } from './testFixtures/dutyRecord.ts';

async function printed() {
  const r = await chongqing();
  const absent = await r.run('RecordAttendance', { meetingId: 'p2019', memberId: 'm1', status: 'absent' });
  const present = await r.run('RecordAttendance', {
    meetingId: 'c2019',
    memberId: 'm1',
    status: 'present',
    fractionAttended: 0.5,
  });
  const correction = await r.run(
    'CorrectRecord',
    { eventId: present, data: { fractionAttended: 0.75 }, reason: 'sign-in sheet', approvedBy: 'Wang' },
    '2019-05-20T10:00:00+08:00',
  );
  const speech = await r.run('RecordSpeech', { meetingId: 'c2019', memberId: 'm1', mode: 'oral' });
  await r.run(
    'RetractRecord',
    { eventId: speech, reason: 'wrong member', approvedBy: 'Li' },
    '2019-05-21T10:00:00+08:00',
  );
  await r.run('SubmitProposal', {
    proposalId: 'P1',
    committeeId: 'cq',
    title: 'Roads | bridges',
    category: 'social',
    submittedOn: '2019-01-10',
    proposerType: 'joint',
    leadMemberId: 'm2',
    coSignerIds: ['m1'],
  });
  const filed = await r.run('ReviewProposal', {
    proposalId: 'P1',
    decision: 'filed',
    decidedOn: '2019-02-20',
  });
  const archive = memberArchive(await r.state(), { memberId: 'm1', year: 2019 })!;
  return { archive, absent, present, correction, speech, filed };
}

/** Every event id an archive names. */
function eventIdsOf(a: MemberArchive): string[] {
  return [
    a.member.appointmentEventId,
    ...[...a.longLeaves, ...a.attendance, ...a.speeches, ...a.opinions, ...a.publicity].map((e) => e.eventId),
    ...a.proposals.flatMap((p) => p.history.map((s) => s.eventId)),
    ...a.corrections.flatMap((c) => [c.eventId, c.correction.eventId]),
    ...a.retractions.flatMap((r) => [r.eventId, r.retraction.eventId]),
  ];
}

describe('Given an archive printed for a secretariat clerk', () => {
  it('in English, headings carry the Chinese term beside the English one', async () => {
    const { archive } = await printed();
    const md = archiveToMarkdown(archive, 'en');
    expect(md.split('\n')[0]).toBe('# Member archive 履职档案: 张三');
    expect(md).toContain(
      'Committee 委员会: 重庆市政协 (cq, prefectural) · Term 届: 5 (2018-01-15 – 2023-01-14) · Year 年度: 2019',
    );
    for (const heading of [
      '## Member 委员',
      '## Long leave 长期请假',
      '## Proposals 提案',
      '## Speeches 发言',
      '## Corrections 更正',
      '## Retractions 撤销',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
  });

  it('prints an absence with "no leave", a retraction struck through with reason and approver, and a correction with before and after', async () => {
    const { archive, absent, present, correction, speech } = await printed();
    const md = archiveToMarkdown(archive, 'en');
    expect(md).toContain(
      `| 2019-01-14 | 五届二次会议 | plenary | absent | no leave | member | in person | — |  | \`${absent}\` |`,
    );
    expect(md).toContain(
      `| 2019-05-10 | 专题协商会 | consultation | present | — | member | in person | 75% | corrected ×1 | \`${present}\` |`,
    );
    expect(md).toContain(
      `| 2019-05-10 | 专题协商会 | ~~oral~~ | no | RETRACTED: wrong member (Approved by Li, 2019-05-21) | \`${speech}\` |`,
    );
    expect(md).toContain(
      `| \`${present}\` | attendance | fractionAttended | 0.5 | 0.75 | sign-in sheet | Wang | 2019-05-20 | \`${correction}\` |`,
    );
  });

  it("prints a proposal's role, status and history in order, escaping the table separator in its title", async () => {
    const { archive, filed } = await printed();
    const md = archiveToMarkdown(archive, 'en');
    expect(md).toContain('### 1. Roads \\| bridges (P1)\n\n- Role 身份: co-signer (#2)\n');
    expect(md).toContain('- Status 状态: filed\n');
    expect(md).toMatch(
      new RegExp(`1\\. 2019-01-10 submitted \`[^\`]+\`\\n {2}2\\. 2019-02-20 filed \`${filed}\``),
    );
  });

  it('in Chinese, Chinese comes first and values are printed in Chinese', async () => {
    const { archive, absent } = await printed();
    const md = archiveToMarkdown(archive, 'zh');
    expect(md.split('\n')[0]).toBe('# 履职档案 Member archive: 张三');
    expect(md).toContain('\n## 提案 Proposals\n');
    expect(md).toContain(
      `| 2019-01-14 | 五届二次会议 | 全体会议 | 缺席 | 未请假 | 委员 | 现场 | — |  | \`${absent}\` |`,
    );
    expect(md).toContain('- 身份 Role: 附议 (#2)');
  });

  it('names every event the archive rests on, in both languages', async () => {
    const { archive } = await printed();
    for (const lang of ['en', 'zh'] as const) {
      const md = archiveToMarkdown(archive, lang);
      for (const id of eventIdsOf(archive)) expect(md).toContain(id);
    }
  });
});
