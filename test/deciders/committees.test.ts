import { command } from '@lvzhi/testing';
import { describe, it } from 'vitest';
import { committee, given, NOW, startOf, term5 } from './background.ts';

describe('Given no committee', () => {
  it('registers a committee, in Asia/Shanghai unless told otherwise', () => {
    given()
      .when(committee)
      .then({
        type: 'CommitteeRegistered',
        streamId: 'committee-cq',
        data: {
          committeeId: 'cq',
          name: '重庆市政协',
          level: 'prefectural',
          timeZone: 'Asia/Shanghai',
          occurredAt: NOW,
        },
      });
  });

  it('refuses a time zone that is not an IANA zone', () => {
    given()
      .when(
        command('RegisterCommittee', {
          committeeId: 'cq',
          name: '重庆市政协',
          level: 'county',
          timeZone: 'Mars/Olympus',
        }),
      )
      .thenRejects('invalid-time-zone', 'timeZone');
  });

  it('refuses a level outside national, provincial, prefectural and county', () => {
    given()
      .when(command('RegisterCommittee', { committeeId: 'cq', name: '重庆市政协', level: 'city' }))
      .thenRejects('invalid-command', 'data.level');
  });

  it('refuses an unknown field, naming it', () => {
    given()
      .when(
        command('RegisterCommittee', {
          committeeId: 'cq',
          name: '重庆市政协',
          level: 'county',
          chair: '某某',
        }),
      )
      .thenRejects('invalid-command', 'data.chair');
  });

  it('refuses to open a term of an unregistered committee', () => {
    given().when(term5).thenRejects('unknown-committee', 'committeeId');
  });
});

describe('Given a registered committee', () => {
  it('treats the same registration recorded again as a no-op', () => {
    given(committee).when(committee).then('no-op');
  });

  it('treats a registration that spells out the default zone as the same registration', () => {
    given(committee)
      .when(
        command('RegisterCommittee', {
          committeeId: 'cq',
          name: '重庆市政协',
          level: 'prefectural',
          timeZone: 'Asia/Shanghai',
        }),
      )
      .then('no-op');
  });

  it('refuses the same committee id with other data', () => {
    given(committee)
      .when(
        command('RegisterCommittee', { committeeId: 'cq', name: '重庆市政协（新）', level: 'prefectural' }),
      )
      .thenRejects('already-exists', 'committeeId');
  });

  it('opens a numbered term, occurring at the start of its first day in the committee zone', () => {
    given(committee)
      .when(term5)
      .then({
        type: 'TermOpened',
        streamId: 'committee-cq',
        data: {
          committeeId: 'cq',
          term: 5,
          startsOn: '2018-01-15',
          endsOn: '2022-12-31',
          occurredAt: startOf('2018-01-15'),
        },
      });
  });

  it('refuses a term that ends before it starts', () => {
    given(committee)
      .when(command('OpenTerm', { committeeId: 'cq', term: 5, startsOn: '2023-01-15', endsOn: '2022-12-31' }))
      .thenRejects('invalid-date-range', 'endsOn');
  });
});

describe('Given a committee with an open term', () => {
  it('treats the same term opened again as a no-op', () => {
    given(committee, term5).when(term5).then('no-op');
  });

  it('refuses the same term number with other dates', () => {
    given(committee, term5)
      .when(command('OpenTerm', { committeeId: 'cq', term: 5, startsOn: '2018-01-15', endsOn: '2023-01-14' }))
      .thenRejects('already-exists', 'term');
  });

  it('opens the next term', () => {
    given(committee, term5)
      .when(command('OpenTerm', { committeeId: 'cq', term: 6, startsOn: '2023-01-15', endsOn: '2027-12-31' }))
      .then({
        type: 'TermOpened',
        data: {
          committeeId: 'cq',
          term: 6,
          startsOn: '2023-01-15',
          endsOn: '2027-12-31',
          occurredAt: startOf('2023-01-15'),
        },
      });
  });
});

describe('Given a committee in another time zone', () => {
  it('dates its term in that zone', () => {
    given(
      command('RegisterCommittee', {
        committeeId: 'hk',
        name: '某委员会',
        level: 'county',
        timeZone: 'Europe/London',
      }),
    )
      .when(command('OpenTerm', { committeeId: 'hk', term: 1, startsOn: '2020-07-01', endsOn: '2025-06-30' }))
      .then({
        type: 'TermOpened',
        data: {
          committeeId: 'hk',
          term: 1,
          startsOn: '2020-07-01',
          endsOn: '2025-06-30',
          occurredAt: '2020-06-30T23:00:00.000Z',
        },
      });
  });
});
