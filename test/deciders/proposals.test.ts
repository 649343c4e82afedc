import { command } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import { appoint, districtCommittee, given, seatedMembers, startOf } from './background.ts';

const submit = (proposalId: string, data: Readonly<Record<string, unknown>>) =>
  command('SubmitProposal', {
    proposalId,
    committeeId: 'cq',
    title: '关于加强农村养老服务的提案',
    category: 'social',
    submittedOn: '2019-01-14',
    ...data,
  });
const individual = (proposalId: string, leadMemberId = 'wang') =>
  submit(proposalId, { proposerType: 'individual', leadMemberId });
const review = (proposalId: string, decision: string, extra: Readonly<Record<string, unknown>> = {}) =>
  command('ReviewProposal', { proposalId, decision, decidedOn: '2019-02-20', ...extra });
const step = (name: 'MarkKeyProposal' | 'AwardProposal', proposalId: string, date: string) =>
  command(name, { proposalId, [name === 'MarkKeyProposal' ? 'markedOn' : 'awardedOn']: date });
const answer = (proposalId: string, result = 'solved') =>
  command('AnswerProposal', { proposalId, result, answeredOn: '2019-06-30' });
const feedback = (proposalId: string, rating = 'satisfied') =>
  command('RecordProposerFeedback', { proposalId, rating, givenOn: '2019-07-15' });

describe('Given seated members wang, li and chen', () => {
  it('records an individual proposal (提案)', () => {
    given(seatedMembers)
      .when(individual('p1'))
      .then({
        type: 'ProposalSubmitted',
        streamId: 'proposal-p1',
        data: {
          proposalId: 'p1',
          committeeId: 'cq',
          title: '关于加强农村养老服务的提案',
          category: 'social',
          submittedOn: '2019-01-14',
          proposerType: 'individual',
          leadMemberId: 'wang',
          timing: 'session',
          occurredAt: startOf('2019-01-14'),
        },
      });
  });

  it('records a joint proposal (联名) with a lead and co-signers', () => {
    given(seatedMembers)
      .when(
        submit('p1', {
          proposerType: 'joint',
          leadMemberId: 'wang',
          coSignerIds: ['li', 'chen'],
          timing: 'interim',
        }),
      )
      .then({
        type: 'ProposalSubmitted',
        data: {
          proposalId: 'p1',
          committeeId: 'cq',
          title: '关于加强农村养老服务的提案',
          category: 'social',
          submittedOn: '2019-01-14',
          proposerType: 'joint',
          leadMemberId: 'wang',
          coSignerIds: ['li', 'chen'],
          timing: 'interim',
          occurredAt: startOf('2019-01-14'),
        },
      });
  });

  it('records a collective proposal (集体提案) with its body and up to three main members', () => {
    given(seatedMembers)
      .when(
        submit('p1', {
          proposerType: 'collective',
          collectiveBody: '民盟重庆市委',
          mainMemberIds: ['wang', 'li', 'chen'],
        }),
      )
      .then({
        type: 'ProposalSubmitted',
        data: {
          proposalId: 'p1',
          committeeId: 'cq',
          title: '关于加强农村养老服务的提案',
          category: 'social',
          submittedOn: '2019-01-14',
          proposerType: 'collective',
          collectiveBody: '民盟重庆市委',
          mainMemberIds: ['wang', 'li', 'chen'],
          timing: 'session',
          occurredAt: startOf('2019-01-14'),
        },
      });
  });

  it('refuses a proposal to a committee never registered', () => {
    given(seatedMembers)
      .when(submit('p1', { committeeId: 'nj', proposerType: 'individual', leadMemberId: 'wang' }))
      .thenRejects('unknown-committee', 'committeeId');
  });

  it('refuses an individual or joint proposal without a lead', () => {
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'individual' }))
      .thenRejects('lead-required', 'leadMemberId');
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'joint', coSignerIds: ['li'] }))
      .thenRejects('lead-required', 'leadMemberId');
  });

  it('refuses a joint proposal without a co-signer', () => {
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'joint', leadMemberId: 'wang' }))
      .thenRejects('cosigner-required', 'coSignerIds');
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'joint', leadMemberId: 'wang', coSignerIds: [] }))
      .thenRejects('cosigner-required', 'coSignerIds');
  });

  it('refuses a lead who also co-signs, and a co-signer named twice', () => {
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'joint', leadMemberId: 'wang', coSignerIds: ['wang'] }))
      .thenRejects('proposers-not-distinct', 'coSignerIds.0');
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'joint', leadMemberId: 'wang', coSignerIds: ['li', 'li'] }))
      .thenRejects('proposers-not-distinct', 'coSignerIds.1');
  });

  it('refuses a proposer never appointed', () => {
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'joint', leadMemberId: 'wang', coSignerIds: ['nobody'] }))
      .thenRejects('unknown-member', 'coSignerIds.0');
  });

  it('refuses a proposer of another committee', () => {
    given(seatedMembers, districtCommittee)
      .when(submit('p1', { proposerType: 'joint', leadMemberId: 'wang', coSignerIds: ['zhou'] }))
      .thenRejects('not-seated', 'coSignerIds.0');
  });

  it('refuses a proposer not seated on the day of submission', () => {
    given(
      seatedMembers,
      command('EndMembership', {
        memberId: 'wang',
        committeeId: 'cq',
        reason: 'resigned',
        effectiveOn: '2019-01-01',
      }),
    )
      .when(individual('p1'))
      .thenRejects('not-seated', 'leadMemberId');
    given(seatedMembers, appoint('sun', { appointedOn: '2019-03-01' }))
      .when(individual('p1', 'sun'))
      .thenRejects('not-seated', 'leadMemberId');
  });

  it('refuses a collective proposal without its body, or with more than three main members', () => {
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'collective' }))
      .thenRejects('collective-body-required', 'collectiveBody');
    given(seatedMembers, appoint('sun'))
      .when(
        submit('p1', {
          proposerType: 'collective',
          collectiveBody: '民盟重庆市委',
          mainMemberIds: ['wang', 'li', 'chen', 'sun'],
        }),
      )
      .thenRejects('too-many-main-members', 'mainMemberIds');
  });

  it('refuses fields that do not belong to the proposer type', () => {
    given(seatedMembers)
      .when(
        submit('p1', { proposerType: 'collective', collectiveBody: '民盟重庆市委', leadMemberId: 'wang' }),
      )
      .thenRejects('field-not-allowed', 'leadMemberId');
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'individual', leadMemberId: 'wang', coSignerIds: ['li'] }))
      .thenRejects('field-not-allowed', 'coSignerIds');
    given(seatedMembers)
      .when(submit('p1', { proposerType: 'individual', leadMemberId: 'wang', mainMemberIds: ['li'] }))
      .thenRejects('field-not-allowed', 'mainMemberIds');
    given(seatedMembers)
      .when(
        submit('p1', {
          proposerType: 'joint',
          leadMemberId: 'wang',
          coSignerIds: ['li'],
          collectiveBody: '民盟',
        }),
      )
      .thenRejects('field-not-allowed', 'collectiveBody');
  });

  it('refuses a proposal submitted after it was recorded', () => {
    given(seatedMembers)
      .when(
        command(
          'SubmitProposal',
          { ...individual('p1').data },
          { recordedBy: '提案委员会', recordedAt: '2019-01-13T12:00:00Z' },
        ),
      )
      .thenRejects('occurs-after-recording', 'submittedOn');
  });

  it('refuses every later step of a proposal never submitted', () => {
    given(seatedMembers).when(review('p9', 'filed')).thenRejects('unknown-proposal', 'proposalId');
    given(seatedMembers)
      .when(step('MarkKeyProposal', 'p9', '2019-03-01'))
      .thenRejects('unknown-proposal', 'proposalId');
    given(seatedMembers)
      .when(step('AwardProposal', 'p9', '2019-12-01'))
      .thenRejects('unknown-proposal', 'proposalId');
    given(seatedMembers).when(answer('p9')).thenRejects('unknown-proposal', 'proposalId');
    given(seatedMembers).when(feedback('p9')).thenRejects('unknown-proposal', 'proposalId');
    given(seatedMembers)
      .when(
        command('RecordLeaderInstruction', {
          subjectKind: 'proposal',
          subjectId: 'p9',
          level: 'city',
          instructedOn: '2019-03-01',
        }),
      )
      .thenRejects('unknown-proposal', 'subjectId');
  });
});

describe('Given a submitted proposal', () => {
  const submitted = [seatedMembers, individual('p1')];

  it('treats the same submission recorded again as a no-op', () => {
    given(submitted).when(individual('p1')).then('no-op');
  });

  it('refuses the same proposal id with other data', () => {
    given(submitted).when(individual('p1', 'li')).thenRejects('already-exists', 'proposalId');
  });

  it('records its review (立案), with the committee and the date of the decision', () => {
    given(submitted)
      .when(review('p1', 'filed'))
      .then({
        type: 'ProposalReviewed',
        streamId: 'proposal-p1',
        data: {
          proposalId: 'p1',
          decision: 'filed',
          decidedOn: '2019-02-20',
          committeeId: 'cq',
          occurredAt: startOf('2019-02-20'),
        },
      });
  });

  it('refuses a review dated before the submission', () => {
    given(submitted)
      .when(review('p1', 'filed', { decidedOn: '2019-01-13' }))
      .thenRejects('before-submission', 'decidedOn');
  });

  it('refuses a review dated after it was recorded', () => {
    given(submitted)
      .when(review('p1', 'filed', { decidedOn: '2024-06-02' }))
      .thenRejects('occurs-after-recording', 'decidedOn');
  });

  it('refuses a merge (并案) without its target, and a target with another decision', () => {
    given(submitted).when(review('p1', 'merged')).thenRejects('merge-target-required', 'mergedInto');
    given(submitted)
      .when(review('p1', 'filed', { mergedInto: 'p2' }))
      .thenRejects('field-not-allowed', 'mergedInto');
  });

  it('refuses a merge into a proposal never submitted, not filed, or itself', () => {
    given(submitted)
      .when(review('p1', 'merged', { mergedInto: 'p9' }))
      .thenRejects('unknown-proposal', 'mergedInto');
    given(submitted, individual('p2', 'li'))
      .when(review('p1', 'merged', { mergedInto: 'p2' }))
      .thenRejects('merge-target-not-filed', 'mergedInto');
    given(submitted, individual('p2', 'li'), review('p2', 'not-filed'))
      .when(review('p1', 'merged', { mergedInto: 'p2' }))
      .thenRejects('merge-target-not-filed', 'mergedInto');
    given(submitted, review('p1', 'filed'))
      .when(review('p1', 'merged', { mergedInto: 'p1' }))
      .thenRejects('merge-target-not-filed', 'mergedInto');
  });

  it('records a merge into a filed proposal', () => {
    given(submitted, individual('p2', 'li'), review('p2', 'filed'))
      .when(review('p1', 'merged', { mergedInto: 'p2' }))
      .then({
        type: 'ProposalReviewed',
        data: {
          proposalId: 'p1',
          decision: 'merged',
          decidedOn: '2019-02-20',
          mergedInto: 'p2',
          committeeId: 'cq',
          occurredAt: startOf('2019-02-20'),
        },
      });
  });

  it('refuses to mark, award or answer it before it is filed', () => {
    given(submitted)
      .when(step('MarkKeyProposal', 'p1', '2019-03-01'))
      .thenRejects('not-filed', 'proposalId');
    given(submitted)
      .when(step('AwardProposal', 'p1', '2019-12-01'))
      .thenRejects('not-filed', 'proposalId');
    given(submitted).when(answer('p1')).thenRejects('not-filed', 'proposalId');
  });

  it('refuses proposer feedback before the handling unit answered', () => {
    given(submitted, review('p1', 'filed')).when(feedback('p1')).thenRejects('not-answered', 'proposalId');
  });

  it('records a leader instruction (领导批示) on it', () => {
    given(submitted)
      .when(
        command('RecordLeaderInstruction', {
          subjectKind: 'proposal',
          subjectId: 'p1',
          level: 'city',
          instructedOn: '2019-03-01',
        }),
      )
      .then({
        type: 'LeaderInstructionRecorded',
        streamId: 'proposal-p1',
        data: {
          subjectKind: 'proposal',
          subjectId: 'p1',
          level: 'city',
          instructedOn: '2019-03-01',
          committeeId: 'cq',
          occurredAt: startOf('2019-03-01'),
        },
      });
  });
});

describe('Given a reviewed proposal', () => {
  it('treats the same review recorded again as a no-op', () => {
    given(seatedMembers, individual('p1'), review('p1', 'filed')).when(review('p1', 'filed')).then('no-op');
  });

  it('refuses a second review with another decision or date', () => {
    given(seatedMembers, individual('p1'), review('p1', 'filed'))
      .when(review('p1', 'not-filed'))
      .thenRejects('already-reviewed', 'decision');
    given(seatedMembers, individual('p1'), review('p1', 'filed'))
      .when(review('p1', 'filed', { decidedOn: '2019-02-21' }))
      .thenRejects('already-reviewed', 'decision');
  });

  it.each(['converted', 'not-filed', 'returned'])(
    'refuses to mark, award or answer a proposal reviewed %s',
    (decision) => {
      const reviewed = [seatedMembers, individual('p1'), review('p1', decision)];
      given(reviewed)
        .when(step('MarkKeyProposal', 'p1', '2019-03-01'))
        .thenRejects('not-filed', 'proposalId');
      given(reviewed)
        .when(step('AwardProposal', 'p1', '2019-12-01'))
        .thenRejects('not-filed', 'proposalId');
      given(reviewed).when(answer('p1')).thenRejects('not-filed', 'proposalId');
    },
  );

  describe.each([
    ['filed (立案)', [individual('p1'), review('p1', 'filed')]],
    [
      'merged (并案, counts as filed)',
      [
        individual('p2', 'li'),
        review('p2', 'filed'),
        individual('p1'),
        review('p1', 'merged', { mergedInto: 'p2' }),
      ],
    ],
  ])('when it was %s', (_, lifecycle) => {
    const filed = [seatedMembers, lifecycle];

    it('marks it key (重点提案)', () => {
      given(filed)
        .when(step('MarkKeyProposal', 'p1', '2019-03-01'))
        .then({
          type: 'ProposalMarkedKey',
          data: {
            proposalId: 'p1',
            markedOn: '2019-03-01',
            committeeId: 'cq',
            occurredAt: startOf('2019-03-01'),
          },
        });
    });

    it('awards it excellent (优秀提案)', () => {
      given(filed)
        .when(step('AwardProposal', 'p1', '2019-12-01'))
        .then({
          type: 'ProposalAwarded',
          data: {
            proposalId: 'p1',
            awardedOn: '2019-12-01',
            committeeId: 'cq',
            occurredAt: startOf('2019-12-01'),
          },
        });
    });

    it('records the answer of the handling unit (办复)', () => {
      given(filed)
        .when(answer('p1', 'planned'))
        .then({
          type: 'ProposalAnswered',
          data: {
            proposalId: 'p1',
            result: 'planned',
            answeredOn: '2019-06-30',
            committeeId: 'cq',
            occurredAt: startOf('2019-06-30'),
          },
        });
    });

    it('treats the same key mark or award recorded again as a no-op, and refuses another date', () => {
      given(filed, step('MarkKeyProposal', 'p1', '2019-03-01'))
        .when(step('MarkKeyProposal', 'p1', '2019-03-01'))
        .then('no-op');
      given(filed, step('AwardProposal', 'p1', '2019-12-01'))
        .when(step('AwardProposal', 'p1', '2019-12-01'))
        .then('no-op');
      given(filed, step('MarkKeyProposal', 'p1', '2019-03-01'))
        .when(step('MarkKeyProposal', 'p1', '2019-03-02'))
        .thenRejects('conflicts-with-recorded', 'markedOn');
      given(filed, step('AwardProposal', 'p1', '2019-12-01'))
        .when(step('AwardProposal', 'p1', '2019-12-02'))
        .thenRejects('conflicts-with-recorded', 'awardedOn');
    });
  });
});

describe('Given an answered proposal', () => {
  const answered = [seatedMembers, individual('p1'), review('p1', 'filed'), answer('p1')];

  it('records the proposer’s feedback', () => {
    given(answered)
      .when(feedback('p1', 'basically-satisfied'))
      .then({
        type: 'ProposerFeedbackRecorded',
        data: {
          proposalId: 'p1',
          rating: 'basically-satisfied',
          givenOn: '2019-07-15',
          committeeId: 'cq',
          occurredAt: startOf('2019-07-15'),
        },
      });
  });

  it('treats the same answer or feedback recorded again as a no-op, and refuses a different one', () => {
    given(answered).when(answer('p1')).then('no-op');
    given(answered).when(answer('p1', 'reference')).thenRejects('conflicts-with-recorded', 'result');
    given(answered, feedback('p1')).when(feedback('p1')).then('no-op');
    given(answered, feedback('p1'))
      .when(feedback('p1', 'unsatisfied'))
      .thenRejects('conflicts-with-recorded', 'rating');
  });
});
