import { CATEGORIES, SECTORS } from './vocabulary.ts';
import { type Committee, day, onLeave, type YearWriter } from './yearWriter.ts';

/** A submitted proposal: its id, committee and submission day. */
export interface SubmittedProposal {
  readonly id: string;
  readonly committeeId: string;
  readonly submitted: number;
}

/**
 * About 1.9 proposals per member, mostly at the plenary session (2% interim): 60% individual, 30% joint
 * (a lead and 1–4 co-signers), 10% collective (1–3 main members).
 */
export async function submitProposals(
  w: YearWriter,
  c: Committee,
  plenaryDay: number,
): Promise<SubmittedProposal[]> {
  const { rng } = w;
  const submittedList: SubmittedProposal[] = [];
  const seated = c.members.filter((m) => !onLeave(m, plenaryDay + 1));
  const count = Math.round(c.members.length * 1.9);
  for (let i = 1; i <= count; i++) {
    const id = `${c.id}-2019-${String(i).padStart(4, '0')}`;
    const interim = rng.chance(0.02);
    const submitted = interim ? rng.int(60, 300) : plenaryDay + rng.int(0, 3);
    const eligible = seated.filter((m) => !onLeave(m, submitted));
    const data: Record<string, unknown> = {
      proposalId: id,
      committeeId: c.id,
      title: `关于第${i}项事项的提案`,
      category: rng.pick(CATEGORIES),
      submittedOn: day(submitted),
      timing: interim ? 'interim' : 'session',
    };
    const type = rng.next();
    if (type < 0.6) {
      Object.assign(data, { proposerType: 'individual', leadMemberId: rng.pick(eligible).id });
    } else if (type < 0.9) {
      const [lead, ...co] = rng.sample(eligible, rng.int(2, 5));
      Object.assign(data, {
        proposerType: 'joint',
        leadMemberId: lead!.id,
        coSignerIds: co.map((m) => m.id),
      });
    } else {
      const mainMemberIds = rng.sample(eligible, rng.int(1, 3)).map((m) => m.id);
      Object.assign(data, { proposerType: 'collective', collectiveBody: rng.pick(SECTORS), mainMemberIds });
    }
    await w.emit('SubmitProposal', data, submitted);
    submittedList.push({ id, committeeId: c.id, submitted });
  }
  return submittedList;
}

/**
 * Reviews (about 70% filed, 5% merged into a filed one, the rest not filed, converted or returned), key marks,
 * answers from the handling units, proposers' feedback and awards.
 */
export async function proposalLifecycles(
  w: YearWriter,
  proposals: readonly SubmittedProposal[],
): Promise<void> {
  const { rng } = w;
  const filedBy = new Map<string, string[]>();
  const filed: { id: string; decided: number }[] = [];
  for (const p of proposals) {
    const decided = p.submitted + rng.int(20, 45);
    const decidedOn = day(decided);
    const r = rng.next();
    const targets = filedBy.get(p.committeeId) ?? [];
    if (r < 0.05 && targets.length > 0) {
      const review = { proposalId: p.id, decision: 'merged', decidedOn, mergedInto: rng.pick(targets) };
      await w.emit('ReviewProposal', review, decided);
    } else if (r < 0.75) {
      await w.emit('ReviewProposal', { proposalId: p.id, decision: 'filed', decidedOn }, decided);
      targets.push(p.id);
      filedBy.set(p.committeeId, targets);
      filed.push({ id: p.id, decided });
    } else {
      const decision = rng.pick(['not-filed', 'not-filed', 'not-filed', 'converted', 'returned']);
      await w.emit('ReviewProposal', { proposalId: p.id, decision, decidedOn }, decided);
    }
  }
  for (const p of filed) {
    if (rng.chance(0.03))
      await w.emit('MarkKeyProposal', { proposalId: p.id, markedOn: day(p.decided + 10) }, p.decided + 10);
  }
  for (const p of filed) {
    const answered = p.decided + rng.int(60, 160);
    const result = rng.pick(['solved', 'solved', 'planned', 'reference']);
    await w.emit('AnswerProposal', { proposalId: p.id, result, answeredOn: day(answered) }, answered);
    if (rng.chance(0.85)) {
      const rating = rng.chance(0.95) ? rng.pick(['satisfied', 'basically-satisfied']) : 'unsatisfied';
      await w.emit(
        'RecordProposerFeedback',
        { proposalId: p.id, rating, givenOn: day(answered + 14) },
        answered + 14,
      );
    }
    if (rng.chance(0.02)) await w.emit('AwardProposal', { proposalId: p.id, awardedOn: day(350) }, 350);
  }
}
