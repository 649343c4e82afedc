import { History } from './history.fixture.ts';

/**
 * A small city committee (cq) through 2018–2020, and a district committee (yz) from 2019, written so that every
 * figure of the 2019 analysis can be worked out by hand (see annualAnalysis.test.ts).
 *
 * cq members, appointed 2018-01-15 unless noted (sector; special committees; standing):
 * - m1 王一 (经济界; 经济委员会; standing), also seated in yz from 2019-01-05 (无党派人士)
 * - m2 李二 (经济界; 提案委员会; standing from 2019-07-01)
 * - m3 张三 (教育界; 提案委员会, 经济委员会; standing only 2018-06-01 to 2018-12-01)
 * - m4 赵四 (教育界; none) — nothing recorded in 2019
 * - m5 钱五 (医药卫生界; 文化文史和学习委员会) — on long leave (illness) 2019-08-01 to 2019-12-31
 * - m6 孙六 (经济界; none) — appointed mid-year, 2019-06-10
 * yz only: m7 周七 (经济界), appointed 2019-01-05.
 */
export async function committeeYearHistory() {
  const h = new History();
  const r = (command: string, data: Record<string, unknown>) => h.record(command, data);
  await r('RegisterCommittee', { committeeId: 'cq', name: '重庆市政协', level: 'provincial' });
  await r('OpenTerm', { committeeId: 'cq', term: 5, startsOn: '2018-01-01', endsOn: '2022-12-31' });
  await r('RegisterCommittee', { committeeId: 'yz', name: '渝中区政协', level: 'county' });
  await r('OpenTerm', { committeeId: 'yz', term: 9, startsOn: '2019-01-01', endsOn: '2023-12-31' });
  const appoint = (memberId: string, name: string, sector: string, extra: Record<string, unknown> = {}) =>
    r('AppointMember', {
      memberId,
      name,
      committeeId: 'cq',
      term: 5,
      sector,
      appointedOn: '2018-01-15',
      ...extra,
    });
  await appoint('m1', '王一', '经济界', { specialCommittees: ['经济委员会'], standing: true });
  await appoint('m2', '李二', '经济界', { specialCommittees: ['提案委员会'] });
  await appoint('m3', '张三', '教育界', { specialCommittees: ['提案委员会', '经济委员会'] });
  await appoint('m4', '赵四', '教育界');
  await appoint('m5', '钱五', '医药卫生界', { specialCommittees: ['文化文史和学习委员会'] });
  await appoint('m6', '孙六', '经济界', { appointedOn: '2019-06-10' });
  await r('SetStandingMember', {
    memberId: 'm2',
    committeeId: 'cq',
    standing: true,
    effectiveOn: '2019-07-01',
  });
  await r('SetStandingMember', {
    memberId: 'm3',
    committeeId: 'cq',
    standing: true,
    effectiveOn: '2018-06-01',
  });
  await r('SetStandingMember', {
    memberId: 'm3',
    committeeId: 'cq',
    standing: false,
    effectiveOn: '2018-12-01',
  });
  await r('DeclareLongLeave', { memberId: 'm4', from: '2018-02-01', to: '2018-03-01', reason: 'other' });
  await r('DeclareLongLeave', { memberId: 'm5', from: '2019-08-01', to: '2019-12-31', reason: 'illness' });

  const meeting = (meetingId: string, kind: string, title: string, startsOn: string, session?: number) =>
    r('ScheduleMeeting', {
      meetingId,
      committeeId: 'cq',
      kind,
      title,
      startsOn,
      term: 5,
      ...(session === undefined ? {} : { session }),
    });
  const attend = (meetingId: string, memberId: string, status: string, extra: Record<string, unknown> = {}) =>
    r('RecordAttendance', { meetingId, memberId, status, ...extra });

  // 2018: one plenary, one proposal (key-marked in 2019), one item.
  await meeting('P0', 'plenary', '五届一次全体会议', '2018-01-25', 1);
  for (const m of ['m1', 'm2', 'm3', 'm4']) await attend('P0', m, 'present');
  await attend('P0', 'm5', 'absent');
  await r('SubmitProposal', {
    proposalId: 'A0',
    committeeId: 'cq',
    title: '关于优化营商环境的建议',
    category: 'economic',
    submittedOn: '2018-03-01',
    proposerType: 'individual',
    leadMemberId: 'm1',
  });
  await r('ReviewProposal', { proposalId: 'A0', decision: 'filed', decidedOn: '2018-04-01' });
  await r('MarkKeyProposal', { proposalId: 'A0', markedOn: '2019-02-01' });
  await r('SubmitOpinion', {
    opinionId: 'O0',
    committeeId: 'cq',
    authorIds: ['m4'],
    title: '社区养老',
    submittedOn: '2018-05-01',
  });
  await r('AdoptOpinion', { opinionId: 'O0', level: 'county', adoptedOn: '2018-06-01' });

  // 2019 meetings: two plenaries, a research activity, a study session later moved into 2020.
  await meeting('P1', 'plenary', '五届二次全体会议', '2019-01-20', 2);
  await meeting('P2', 'plenary', '五届常委会扩大全体会议', '2019-09-10');
  await meeting('R1', 'research', '长江生态保护调研', '2019-05-10');
  const m9 = await meeting('M9', 'study', '双周学习会', '2019-12-20');

  await attend('P1', 'm1', 'present');
  await attend('P1', 'm2', 'present', { channel: 'video' });
  const m3AtP1 = await attend('P1', 'm3', 'absent');
  await r('CorrectRecord', {
    eventId: m3AtP1,
    data: { status: 'excused', leaveReason: 'work' },
    reason: '请假条后补',
    approvedBy: '秘书长',
  });
  await attend('P1', 'm4', 'absent');
  await r('RecordSpeech', { meetingId: 'P1', memberId: 'm1', mode: 'oral' });
  await r('RecordSpeech', { meetingId: 'P1', memberId: 'm3', mode: 'written', listed: true });

  await attend('P2', 'm1', 'present');
  await attend('P2', 'm2', 'present', { channel: 'online' });
  await attend('P2', 'm3', 'present');
  const wrongM4 = await attend('P2', 'm4', 'present');
  await r('RetractRecord', { eventId: wrongM4, reason: '签到记录有误', approvedBy: '秘书长' });
  await attend('P2', 'm4', 'absent');
  await attend('P2', 'm5', 'excused', { leaveReason: 'illness' });
  await attend('P2', 'm6', 'present');

  await attend('R1', 'm1', 'present');
  await attend('R1', 'm3', 'present');
  await attend('R1', 'm2', 'excused', { leaveReason: 'work' });
  await attend('M9', 'm2', 'present');
  await r('CorrectRecord', {
    eventId: m9,
    data: { startsOn: '2020-01-08' },
    reason: '日期录入错误',
    approvedBy: '秘书长',
  });

  // 2019 proposals.
  const submit = (proposalId: string, extra: Record<string, unknown>) =>
    r('SubmitProposal', { proposalId, committeeId: 'cq', title: `提案 ${proposalId}`, ...extra });
  const review = (
    proposalId: string,
    decision: string,
    decidedOn: string,
    extra: Record<string, unknown> = {},
  ) => r('ReviewProposal', { proposalId, decision, decidedOn, ...extra });
  await submit('A1', {
    category: 'economic',
    submittedOn: '2019-01-21',
    proposerType: 'individual',
    leadMemberId: 'm1',
  });
  await review('A1', 'filed', '2019-03-01');
  await r('MarkKeyProposal', { proposalId: 'A1', markedOn: '2019-04-01' });
  await r('AwardProposal', { proposalId: 'A1', awardedOn: '2019-11-01' });
  await submit('A2', {
    category: 'social',
    submittedOn: '2019-01-22',
    proposerType: 'joint',
    leadMemberId: 'm2',
    coSignerIds: ['m3'],
  });
  await review('A2', 'merged', '2019-03-02', { mergedInto: 'A1' });
  await submit('A3', {
    category: 'ecological',
    submittedOn: '2019-07-15',
    proposerType: 'collective',
    collectiveBody: '民建重庆市委',
    mainMemberIds: ['m1', 'm3'],
    timing: 'interim',
  });
  await review('A3', 'not-filed', '2019-08-01');
  await submit('A4', {
    category: 'cultural',
    submittedOn: '2019-01-23',
    proposerType: 'individual',
    leadMemberId: 'm3',
  });
  await review('A4', 'converted', '2019-03-03');
  await submit('A5', {
    category: 'political',
    submittedOn: '2019-10-01',
    proposerType: 'joint',
    leadMemberId: 'm6',
    coSignerIds: ['m1', 'm2'],
    timing: 'interim',
  });
  const a5Review = await review('A5', 'not-filed', '2019-10-20');
  await r('CorrectRecord', {
    eventId: a5Review,
    data: { decision: 'filed' },
    reason: '审查意见更正',
    approvedBy: '提案委员会',
  });
  await submit('A6', {
    category: 'economic',
    submittedOn: '2019-11-20',
    proposerType: 'individual',
    leadMemberId: 'm2',
    timing: 'interim',
  });
  await r('RecordLeaderInstruction', {
    subjectKind: 'proposal',
    subjectId: 'A6',
    level: 'city',
    instructedOn: '2019-12-01',
  });
  await submit('A7', {
    category: 'other',
    submittedOn: '2019-06-01',
    proposerType: 'individual',
    leadMemberId: 'm1',
    timing: 'interim',
  });
  await review('A7', 'returned', '2019-06-15');
  const a8 = await submit('A8', {
    category: 'economic',
    submittedOn: '2019-05-05',
    proposerType: 'individual',
    leadMemberId: 'm4',
  });
  await review('A8', 'filed', '2019-06-01');

  // 2019 社情民意 items.
  const item = (opinionId: string, authorIds: string[], submittedOn: string) =>
    r('SubmitOpinion', { opinionId, committeeId: 'cq', authorIds, title: `信息 ${opinionId}`, submittedOn });
  await item('O1', ['m1', 'm2'], '2019-03-10');
  await r('AdoptOpinion', { opinionId: 'O1', level: 'city', adoptedOn: '2019-04-01' });
  await r('AdoptOpinion', { opinionId: 'O1', level: 'provincial', adoptedOn: '2019-05-01' });
  await r('RecordLeaderInstruction', {
    subjectKind: 'opinion',
    subjectId: 'O1',
    level: 'provincial',
    instructedOn: '2019-05-10',
  });
  await item('O2', ['m3'], '2019-06-01');
  await r('AdoptOpinion', { opinionId: 'O2', level: 'city', adoptedOn: '2019-07-01' });
  await item('O3', ['m2'], '2019-08-20');
  const o3National = await r('AdoptOpinion', { opinionId: 'O3', level: 'national', adoptedOn: '2019-09-01' });
  await r('RetractRecord', { eventId: o3National, reason: '误录', approvedBy: '秘书长' });
  await item('O4', ['m6'], '2019-12-31T23:30:00+08:00');
  await r('AdoptOpinion', { opinionId: 'O4', level: 'county', adoptedOn: '2020-01-10' });

  // Publicity, public welfare and a talk (not an act).
  await r('RecordPublicity', {
    publicityId: 'N1',
    memberId: 'm1',
    kind: 'article',
    outlet: '重庆日报',
    publishedOn: '2019-12-31T23:30:00+08:00',
  });
  await r('RecordPublicity', {
    publicityId: 'N2',
    memberId: 'm1',
    kind: 'article',
    outlet: '人民政协报',
    publishedOn: '2020-01-01T00:30:00+08:00',
  });
  await r('RecordPublicity', {
    publicityId: 'N3',
    memberId: 'm2',
    kind: 'interview',
    outlet: '华龙网',
    publishedOn: '2019-05-01',
  });
  await r('RecordPublicWelfare', { activityId: 'W1', memberId: 'm3', title: '义诊', on: '2019-04-04' });
  await r('RecordPublicWelfare', { activityId: 'W2', memberId: 'm6', title: '助学', on: '2019-08-08' });
  await r('RecordTalk', {
    talkId: 'T1',
    committeeId: 'cq',
    memberId: 'm4',
    kind: 'reminder',
    heldBy: '秘书长',
    heldOn: '2019-10-01',
  });

  // The district committee yz.
  await r('AppointMember', {
    memberId: 'm1',
    name: '王一',
    committeeId: 'yz',
    term: 9,
    sector: '无党派人士',
    appointedOn: '2019-01-05',
  });
  await r('AppointMember', {
    memberId: 'm7',
    name: '周七',
    committeeId: 'yz',
    term: 9,
    sector: '经济界',
    appointedOn: '2019-01-05',
  });
  await r('ScheduleMeeting', {
    meetingId: 'Y1',
    committeeId: 'yz',
    kind: 'plenary',
    title: '九届四次全体会议',
    startsOn: '2019-01-10',
    term: 9,
    session: 4,
  });
  await attend('Y1', 'm1', 'present');
  await attend('Y1', 'm7', 'present');
  await r('SubmitProposal', {
    proposalId: 'B1',
    committeeId: 'yz',
    title: '解放碑步行街改造',
    category: 'economic',
    submittedOn: '2019-01-11',
    proposerType: 'individual',
    leadMemberId: 'm7',
  });
  await r('ReviewProposal', { proposalId: 'B1', decision: 'filed', decidedOn: '2019-02-01' });

  // Last of all, m4's proposal A8 is retracted as a duplicate.
  const beforeA8Retracted = await h.head();
  await r('RetractRecord', { eventId: a8, reason: '重复提交', approvedBy: '提案委员会' });

  return { history: h, beforeA8Retracted };
}
