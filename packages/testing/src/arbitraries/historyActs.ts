import { dateOf } from './calendarDays.ts';
import { distinct, type HistoryContext, seated, within } from './historySeats.ts';

/** Proposals (提案) through their lifecycle: submitted by seated members, reviewed, marked, awarded, answered. */
export function buildProposals(ctx: HistoryContext): void {
  const { plan, salt, committeeId, start, end, seatedOn, add } = ctx;
  const filed: string[] = [];
  plan.proposals.forEach((p, k) => {
    const proposalId = `${salt}.p${k + 1}`;
    const day = within(p.at, start, end);
    const present = seatedOn(day);
    let type = p.proposerType;
    if (type === 'joint' && present.length < 2) type = present.length === 1 ? 'individual' : 'collective';
    if (type === 'individual' && present.length === 0) type = 'collective';
    const lead = type === 'collective' ? undefined : present[p.lead % present.length]!;
    const coSigners = type === 'joint' ? distinct([...p.coSigners, ...present.keys()], present, [lead!]) : [];
    const mainMembers = type === 'collective' ? distinct(p.mainMembers, present).slice(0, 3) : [];
    add('SubmitProposal', {
      proposalId,
      committeeId,
      title: p.title,
      category: p.category,
      submittedOn: dateOf(day),
      proposerType: type,
      ...(lead === undefined ? {} : { leadMemberId: lead }),
      ...(type === 'joint' ? { coSignerIds: coSigners.slice(0, Math.max(1, p.coSigners.length)) } : {}),
      ...(type === 'collective' ? { collectiveBody: p.collectiveBody } : {}),
      ...(mainMembers.length > 0 ? { mainMemberIds: mainMembers } : {}),
      ...(p.timing === 'interim' ? { timing: p.timing } : {}),
    });
    const after = (n: number) => dateOf(day + (n % 60));
    if (p.review) {
      const [{ decision: wanted, target }, n] = p.review;
      const decision = wanted === 'merged' && filed.length === 0 ? 'filed' : wanted;
      const mergedInto = decision === 'merged' ? filed[target % filed.length] : undefined;
      add('ReviewProposal', {
        proposalId,
        decision,
        decidedOn: after(n),
        ...(mergedInto === undefined ? {} : { mergedInto }),
      });
      if (decision === 'filed') filed.push(proposalId);
      if (decision === 'filed' || decision === 'merged') {
        if (p.key) add('MarkKeyProposal', { proposalId, markedOn: after(p.key[1]) });
        if (p.award) add('AwardProposal', { proposalId, awardedOn: after(p.award[1]) });
        if (p.answer) {
          add('AnswerProposal', { proposalId, result: p.answer[0].result, answeredOn: after(p.answer[1]) });
          if (p.feedback) {
            const givenOn = dateOf(day + (p.answer[1] % 60) + (p.feedback[1] % 30));
            add('RecordProposerFeedback', { proposalId, rating: p.feedback[0].rating, givenOn });
          }
        }
      }
    }
    if (p.instruction) {
      const { level } = p.instruction[0];
      add('RecordLeaderInstruction', {
        subjectKind: 'proposal',
        subjectId: proposalId,
        level,
        instructedOn: after(p.instruction[1]),
      });
    }
  });
}

/** 社情民意 items by seated authors, with adoptions at distinct levels and leader instructions. */
export function buildOpinions(ctx: HistoryContext): void {
  const { plan, salt, committeeId, start, end, seatedOn, add } = ctx;
  plan.opinions.forEach((o, k) => {
    const opinionId = `${salt}.o${k + 1}`;
    const day = within(o.at, start, end);
    const authorIds = distinct(o.authors, seatedOn(day));
    if (authorIds.length === 0) return;
    add('SubmitOpinion', { opinionId, committeeId, authorIds, title: o.title, submittedOn: dateOf(day) });
    const levels = new Set<string>();
    for (const [level, n] of o.adoptions) {
      if (levels.has(level)) continue;
      levels.add(level);
      add('AdoptOpinion', { opinionId, level, adoptedOn: dateOf(day + (n % 60)) });
    }
    if (o.instruction) {
      const [{ level }, n] = o.instruction;
      add('RecordLeaderInstruction', {
        subjectKind: 'opinion',
        subjectId: opinionId,
        level,
        instructedOn: dateOf(day + (n % 60)),
      });
    }
  });
}

/** Other acts (publicity, public welfare, talks, honours, annual reports, decided outcomes) of seated members. */
export function buildActivities(ctx: HistoryContext): void {
  const { plan, salt, committeeId, term, start, end, seats, recorded, add } = ctx;
  plan.activities.forEach((a, k) => {
    const seat = seats[a.member % seats.length]!;
    const chosen = within(a.at, start, end);
    const day = seated(seat, chosen) ? chosen : seat.appointDay;
    if (!seated(seat, day)) return;
    const id = `${salt}.a${k + 1}`;
    const { memberId } = seat;
    const on = dateOf(day);
    const act = a.act;
    switch (act.command) {
      case 'RecordPublicity':
        add(act.command, {
          publicityId: id,
          memberId,
          kind: act.kind,
          outlet: act.outlet,
          ...(act.level === undefined ? {} : { level: act.level }),
          publishedOn: on,
        });
        break;
      case 'RecordPublicWelfare':
        add(act.command, { activityId: id, memberId, title: act.title, on });
        break;
      case 'RecordTalk':
        add(act.command, {
          talkId: id,
          committeeId,
          memberId,
          kind: act.kind,
          heldBy: act.heldBy,
          heldOn: on,
        });
        break;
      case 'RecordHonour':
        add(act.command, { honourId: id, memberId, title: act.title, level: act.level, awardedOn: on });
        break;
      case 'SubmitAnnualReport':
        add(act.command, {
          reportId: id,
          memberId,
          committeeId,
          year: Number(on.slice(0, 4)),
          submittedOn: on,
        });
        break;
      case 'RecordAssessmentDecision': {
        const year = Number(on.slice(0, 4));
        const key = `${memberId} assessment ${year} ${act.policyId}`;
        if (recorded.has(key)) break;
        recorded.add(key);
        const { grade, policyId, score } = act;
        const decision = { memberId, committeeId, year, grade, policyId, policyVersion: '1', score };
        add(act.command, { ...decision, decidedBy: '主席会议', decidedOn: on });
        break;
      }
      case 'RecordRenominationDecision': {
        const key = `${memberId} renomination`;
        if (recorded.has(key)) break;
        recorded.add(key);
        const { decision, reason } = act;
        add(act.command, {
          memberId,
          committeeId,
          term,
          decision,
          decidedBy: '主席会议',
          decidedOn: on,
          reason,
        });
        break;
      }
    }
  });
}
