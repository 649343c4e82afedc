import { describe, expect, it } from 'vitest';
import { memberArchive } from './index.ts';
import { chongqing } from './testFixtures/dutyRecord.ts';

const proposal = (proposalId: string, extra: Record<string, unknown>) => ({
  proposalId,
  committeeId: 'cq',
  title: `提案 ${proposalId}`,
  category: 'economic',
  submittedOn: '2019-01-10',
  ...extra,
});

describe('Given proposals (提案) of 2019', () => {
  it('a proposal filed then awarded shows every step in the order it happened, whatever the recording order', async () => {
    const r = await chongqing();
    const submitted = await r.run(
      'SubmitProposal',
      proposal('P1', { proposerType: 'individual', leadMemberId: 'm1' }),
    );
    const filed = await r.run('ReviewProposal', {
      proposalId: 'P1',
      decision: 'filed',
      decidedOn: '2019-02-20',
    });
    const awarded = await r.run('AwardProposal', { proposalId: 'P1', awardedOn: '2019-12-10' });
    // Recorded last, but dated before the review: it sits second in the history.
    const instructed = await r.run('RecordLeaderInstruction', {
      subjectKind: 'proposal',
      subjectId: 'P1',
      level: 'city',
      instructedOn: '2019-02-01',
    });
    const [entry] = memberArchive(await r.state(), { memberId: 'm1' })!.proposals;

    expect(entry).toMatchObject({
      eventId: submitted,
      proposalId: 'P1',
      role: 'individual',
      position: 1,
      credited: true,
    });
    expect(entry?.history.map((s) => [s.step, s.date, s.eventId])).toEqual([
      ['submitted', '2019-01-10', submitted],
      ['instruction', '2019-02-01', instructed],
      ['reviewed', '2019-02-20', filed],
      ['awarded', '2019-12-10', awarded],
    ]);
    expect(entry?.history[2]).toMatchObject({ step: 'reviewed', decision: 'filed' });
    expect(entry?.status).toEqual({
      stage: 'awarded',
      review: 'filed',
      filed: true,
      key: false,
      excellent: true,
      answer: undefined,
      feedback: undefined,
      instructions: ['city'],
    });
    const totals = memberArchive(await r.state(), { memberId: 'm1', year: 2019 })!.totals;
    expect(totals).toEqual([
      expect.objectContaining({ year: 2019, proposals: { credited: 1, filed: 1, key: 0, excellent: 1 } }),
    ]);
  });

  it('the full lifecycle ends in the feedback: merged (counts as filed), key, answered, feedback', async () => {
    const r = await chongqing();
    await r.run('SubmitProposal', proposal('T', { proposerType: 'individual', leadMemberId: 'm2' }));
    await r.run('ReviewProposal', { proposalId: 'T', decision: 'filed', decidedOn: '2019-02-01' });
    await r.run('SubmitProposal', proposal('P', { proposerType: 'individual', leadMemberId: 'm1' }));
    await r.run('ReviewProposal', {
      proposalId: 'P',
      decision: 'merged',
      mergedInto: 'T',
      decidedOn: '2019-02-02',
    });
    await r.run('MarkKeyProposal', { proposalId: 'P', markedOn: '2019-03-01' });
    await r.run('AnswerProposal', { proposalId: 'P', result: 'solved', answeredOn: '2019-06-01' });
    await r.run('RecordProposerFeedback', {
      proposalId: 'P',
      rating: 'basically-satisfied',
      givenOn: '2019-06-20',
    });
    const [entry] = memberArchive(await r.state(), { memberId: 'm1' })!.proposals;

    expect(entry?.history.map((s) => s.step)).toEqual([
      'submitted',
      'reviewed',
      'key',
      'answered',
      'feedback',
    ]);
    expect(entry?.history[1]).toMatchObject({ decision: 'merged', mergedInto: 'T' });
    expect(entry?.status).toMatchObject({
      stage: 'feedback',
      review: 'merged',
      filed: true,
      key: true,
      answer: 'solved',
      feedback: 'basically-satisfied',
    });
  });

  it("a joint proposal appears in the lead's and each co-signer's archive with the right role", async () => {
    const r = await chongqing();
    const id = await r.run(
      'SubmitProposal',
      proposal('J', { proposerType: 'joint', leadMemberId: 'm2', coSignerIds: ['m1', 'm3'] }),
    );
    const state = await r.state();
    const roles = ['m1', 'm2', 'm3', 'm4'].map((memberId) => {
      const entry = memberArchive(state, { memberId })!.proposals[0];
      return [memberId, entry?.eventId, entry?.role, entry?.position];
    });
    expect(roles).toEqual([
      ['m1', id, 'co-signer', 2],
      ['m2', id, 'lead', 1],
      ['m3', id, 'co-signer', 3],
      ['m4', undefined, undefined, undefined],
    ]);
    for (const memberId of ['m1', 'm2', 'm3']) {
      const totals = memberArchive(state, { memberId, year: 2019 })!.totals[0];
      expect(totals?.proposals.credited).toBe(1);
    }
  });

  it('a collective proposal credits its named main members; a retracted review leaves it submitted', async () => {
    const r = await chongqing();
    await r.run(
      'SubmitProposal',
      proposal('C', {
        proposerType: 'collective',
        collectiveBody: '民建重庆市委',
        mainMemberIds: ['m3', 'm1'],
      }),
    );
    const review = await r.run('ReviewProposal', {
      proposalId: 'C',
      decision: 'filed',
      decidedOn: '2019-02-01',
    });
    await r.run('RetractRecord', { eventId: review, reason: 'wrong proposal', approvedBy: '提案委员会' });
    const entry = memberArchive(await r.state(), { memberId: 'm1' })!.proposals[0];

    expect(entry).toMatchObject({
      role: 'main-member',
      position: 2,
      credited: true,
      collectiveBody: '民建重庆市委',
    });
    expect(entry?.history.map((s) => [s.step, s.retracted?.reason])).toEqual([
      ['submitted', undefined],
      ['reviewed', 'wrong proposal'],
    ]);
    expect(entry?.status).toMatchObject({ stage: 'submitted', review: undefined, filed: false });
  });

  it('a collective proposal naming 4 main members credits the first three only (core refuses a fourth; an imported record is shown)', async () => {
    const r = await chongqing();
    const four = proposal('C4', {
      proposerType: 'collective',
      collectiveBody: '教育界',
      mainMemberIds: ['m2', 'm3', 'm4', 'm5'],
    });
    expect(await r.refusal('SubmitProposal', four)).toBe('too-many-main-members');
    // A record imported from an older system, appended without the decider.
    const imported = crypto.randomUUID();
    await r.store.append('proposal-C4', [
      {
        eventId: imported,
        type: 'ProposalSubmitted',
        schemaVersion: 1,
        data: { ...four, timing: 'session', occurredAt: '2019-01-09T16:00:00.000Z' },
        metadata: { recordedAt: '2019-01-10T08:00:00Z', recordedBy: 'import' },
      },
    ]);
    const state = await r.state();
    const seen = ['m2', 'm3', 'm4', 'm5'].map((memberId) => {
      const a = memberArchive(state, { memberId, year: 2019 })!;
      const entry = a.proposals[0];
      return [
        memberId,
        entry?.eventId,
        entry?.role,
        entry?.position,
        entry?.credited,
        a.totals[0]?.proposals.credited,
      ];
    });
    expect(seen).toEqual([
      ['m2', imported, 'main-member', 1, true, 1],
      ['m3', imported, 'main-member', 2, true, 1],
      ['m4', imported, 'main-member', 3, true, 1],
      ['m5', imported, 'named-member', 4, false, 0],
    ]);
  });

  it('a retracted proposal stays visible, marked, and counts in no total, nor do its steps', async () => {
    const r = await chongqing();
    const submitted = await r.run(
      'SubmitProposal',
      proposal('X', { proposerType: 'individual', leadMemberId: 'm1' }),
    );
    await r.run('ReviewProposal', { proposalId: 'X', decision: 'filed', decidedOn: '2019-02-20' });
    await r.run('RetractRecord', { eventId: submitted, reason: 'duplicate entry', approvedBy: '提案委员会' });
    const archive = memberArchive(await r.state(), { memberId: 'm1', year: 2019 })!;

    expect(archive.proposals.map((p) => [p.proposalId, p.retracted?.reason])).toEqual([
      ['X', 'duplicate entry'],
    ]);
    expect(archive.retractions.map((x) => x.eventId)).toEqual([submitted]);
    expect(archive.totals[0]?.proposals).toEqual({ credited: 0, filed: 0, key: 0, excellent: 0 });
  });
});

describe('Given 社情民意 items', () => {
  it('an item adopted at city then national level lists the adoptions in that order', async () => {
    const r = await chongqing();
    const submitted = await r.run('SubmitOpinion', {
      opinionId: 'O1',
      committeeId: 'cq',
      authorIds: ['m2', 'm1'],
      title: '关于山区学校供暖的建议',
      submittedOn: '2019-03-01',
    });
    // The national adoption is recorded first but happened later.
    const national = await r.run('AdoptOpinion', {
      opinionId: 'O1',
      level: 'national',
      adoptedOn: '2019-06-01',
    });
    const city = await r.run('AdoptOpinion', { opinionId: 'O1', level: 'city', adoptedOn: '2019-04-01' });
    const archive = memberArchive(await r.state(), { memberId: 'm1', year: 2019 })!;

    expect(archive.opinions).toEqual([
      expect.objectContaining({
        eventId: submitted,
        opinionId: 'O1',
        authorPosition: 2,
        date: '2019-03-01',
        status: 'adopted',
        adoptedAt: ['city', 'national'],
      }),
    ]);
    expect(archive.opinions[0]?.history.map((s) => [s.step, s.level, s.date, s.eventId])).toEqual([
      ['adopted', 'city', '2019-04-01', city],
      ['adopted', 'national', '2019-06-01', national],
    ]);
    expect(archive.totals[0]?.opinions).toEqual({ authored: 1, adopted: 1, adoptions: 2 });
  });
});
