import { command } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import { appoint, districtCommittee, given, seatedMembers, startOf } from './background.ts';

const submit = (
  opinionId: string,
  authorIds: readonly string[],
  extra: Readonly<Record<string, unknown>> = {},
) =>
  command('SubmitOpinion', {
    opinionId,
    committeeId: 'cq',
    authorIds,
    title: '关于城区停车难的社情民意',
    submittedOn: '2019-05-06',
    ...extra,
  });
const adopt = (opinionId: string, level: string, adoptedOn = '2019-05-20') =>
  command('AdoptOpinion', { opinionId, level, adoptedOn });
const instruct = (subjectId: string, level: string, instructedOn = '2019-06-01') =>
  command('RecordLeaderInstruction', { subjectKind: 'opinion', subjectId, level, instructedOn });

describe('Given seated members wang, li and chen', () => {
  it('records a 社情民意 item with its authors, first author first', () => {
    given(seatedMembers)
      .when(submit('o1', ['li', 'wang']))
      .then({
        type: 'OpinionSubmitted',
        streamId: 'opinion-o1',
        data: {
          opinionId: 'o1',
          committeeId: 'cq',
          authorIds: ['li', 'wang'],
          title: '关于城区停车难的社情民意',
          submittedOn: '2019-05-06',
          occurredAt: startOf('2019-05-06'),
        },
      });
  });

  it('refuses an item without authors', () => {
    given(seatedMembers).when(submit('o1', [])).thenRejects('invalid-command', 'data.authorIds');
  });

  it('refuses an item of a committee never registered', () => {
    given(seatedMembers)
      .when(submit('o1', ['wang'], { committeeId: 'nj' }))
      .thenRejects('unknown-committee', 'committeeId');
  });

  it('refuses an author never appointed, naming which one', () => {
    given(seatedMembers)
      .when(submit('o1', ['wang', 'nobody']))
      .thenRejects('unknown-member', 'authorIds.1');
  });

  it('refuses an author named twice', () => {
    given(seatedMembers)
      .when(submit('o1', ['wang', 'li', 'wang']))
      .thenRejects('proposers-not-distinct', 'authorIds.2');
  });

  it('refuses an author not seated in the committee on the day of submission', () => {
    given(seatedMembers, districtCommittee)
      .when(submit('o1', ['zhou']))
      .thenRejects('not-seated', 'authorIds.0');
    given(seatedMembers, appoint('sun', { appointedOn: '2019-06-01' }))
      .when(submit('o1', ['wang', 'sun']))
      .thenRejects('not-seated', 'authorIds.1');
    given(
      seatedMembers,
      command('EndMembership', {
        memberId: 'li',
        committeeId: 'cq',
        reason: 'revoked',
        effectiveOn: '2019-05-01',
      }),
    )
      .when(submit('o1', ['li']))
      .thenRejects('not-seated', 'authorIds.0');
  });

  it('refuses an item submitted after it was recorded', () => {
    given(seatedMembers)
      .when(submit('o1', ['wang'], { submittedOn: '2024-06-02' }))
      .thenRejects('occurs-after-recording', 'submittedOn');
  });

  it('refuses to adopt or instruct an item never submitted', () => {
    given(seatedMembers).when(adopt('o9', 'city')).thenRejects('unknown-opinion', 'opinionId');
    given(seatedMembers).when(instruct('o9', 'city')).thenRejects('unknown-opinion', 'subjectId');
  });
});

describe('Given a submitted item', () => {
  const submitted = [seatedMembers, submit('o1', ['wang'])];

  it('treats the same item recorded again as a no-op', () => {
    given(submitted)
      .when(submit('o1', ['wang']))
      .then('no-op');
  });

  it('refuses the same item id with other data', () => {
    given(submitted)
      .when(submit('o1', ['wang', 'li']))
      .thenRejects('already-exists', 'opinionId');
  });

  it('records its adoption (采用) at a level', () => {
    given(submitted)
      .when(adopt('o1', 'city'))
      .then({
        type: 'OpinionAdopted',
        streamId: 'opinion-o1',
        data: {
          opinionId: 'o1',
          level: 'city',
          adoptedOn: '2019-05-20',
          committeeId: 'cq',
          occurredAt: startOf('2019-05-20'),
        },
      });
  });

  it('refuses an adoption dated before the submission or after its recording', () => {
    given(submitted)
      .when(adopt('o1', 'city', '2019-05-05'))
      .thenRejects('before-submission', 'adoptedOn');
    given(submitted)
      .when(adopt('o1', 'city', '2024-06-02'))
      .thenRejects('occurs-after-recording', 'adoptedOn');
  });

  it('refuses a level it does not know', () => {
    given(submitted).when(adopt('o1', 'township')).thenRejects('invalid-command', 'data.level');
  });

  it('records a leader’s instruction (领导批示) on it', () => {
    given(submitted)
      .when(instruct('o1', 'provincial'))
      .then({
        type: 'LeaderInstructionRecorded',
        streamId: 'opinion-o1',
        data: {
          subjectKind: 'opinion',
          subjectId: 'o1',
          level: 'provincial',
          instructedOn: '2019-06-01',
          committeeId: 'cq',
          occurredAt: startOf('2019-06-01'),
        },
      });
  });

  it('refuses an instruction dated before the submission', () => {
    given(submitted)
      .when(instruct('o1', 'city', '2019-05-01'))
      .thenRejects('before-submission', 'instructedOn');
  });
});

describe('Given an item adopted at city level', () => {
  const adopted = [seatedMembers, submit('o1', ['wang']), adopt('o1', 'city'), instruct('o1', 'city')];

  it('treats the same adoption or instruction recorded again as a no-op', () => {
    given(adopted).when(adopt('o1', 'city')).then('no-op');
    given(adopted).when(instruct('o1', 'city')).then('no-op');
  });

  it('refuses another adoption or instruction at the same level on another date', () => {
    given(adopted)
      .when(adopt('o1', 'city', '2019-05-21'))
      .thenRejects('conflicts-with-recorded', 'adoptedOn');
    given(adopted)
      .when(instruct('o1', 'city', '2019-06-02'))
      .thenRejects('conflicts-with-recorded', 'instructedOn');
  });

  it('records its adoption at another level too', () => {
    given(adopted)
      .when(adopt('o1', 'national', '2019-08-01'))
      .then({
        type: 'OpinionAdopted',
        data: {
          opinionId: 'o1',
          level: 'national',
          adoptedOn: '2019-08-01',
          committeeId: 'cq',
          occurredAt: startOf('2019-08-01'),
        },
      });
  });
});
