import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { command, deciderSpecification } from './deciderSpecification.ts';
import type { GivenHistory } from './pureRecorder.ts';

const given = deciderSpecification({ now: '2024-06-01T00:00:00Z' });
const committee = command('RegisterCommittee', {
  committeeId: 'cq',
  name: '重庆市政协',
  level: 'prefectural',
});
const registered = {
  type: 'CommitteeRegistered',
  data: {
    committeeId: 'cq',
    name: '重庆市政协',
    level: 'prefectural',
    timeZone: 'Asia/Shanghai',
    occurredAt: '2024-06-01T00:00:00.000Z',
  },
};

describe('A decider specification', () => {
  it('passes when the command records the expected event, with or without its stream', () => {
    given().when(committee).then(registered);
    given()
      .when(committee)
      .then({ ...registered, streamId: 'committee-cq' });
    given().when(committee).then([registered]);
  });

  it('fails with an AssertionError when the event differs in type, data or stream', () => {
    expect(() =>
      given()
        .when(committee)
        .then({ ...registered, type: 'TermOpened' }),
    ).toThrow(AssertionError);
    expect(() =>
      given()
        .when(committee)
        .then({ ...registered, data: { ...registered.data, level: 'county' } }),
    ).toThrow(AssertionError);
    expect(() =>
      given()
        .when(committee)
        .then({ ...registered, streamId: 'committee-yz' }),
    ).toThrow(AssertionError);
    expect(() => given().when(committee).then([registered, registered])).toThrow(AssertionError);
  });

  it('fails when a no-op is expected and an event is recorded, and the other way round', () => {
    expect(() => given().when(committee).then('no-op')).toThrow(AssertionError);
    expect(() => given(committee).when(committee).then(registered)).toThrow(AssertionError);
    given(committee).when(committee).then('no-op');
  });

  it('fails when a refusal is expected and the command is accepted, or refused for another reason', () => {
    expect(() => given().when(committee).thenRejects('already-exists')).toThrow(
      /accepted \(CommitteeRegistered\)/,
    );
    const other = command('RegisterCommittee', { committeeId: 'cq', name: '另一个', level: 'county' });
    given(committee).when(other).thenRejects('already-exists', 'committeeId');
    given(committee).when(other).thenRejects('already-exists');
    expect(() => given(committee).when(other).thenRejects('already-exists', 'name')).toThrow(AssertionError);
    expect(() => given(committee).when(other).thenRejects('unknown-committee')).toThrow(AssertionError);
  });

  it('fails when an expected event is met by a refusal, naming the refusal', () => {
    expect(() =>
      given(committee)
        .when(command('RegisterCommittee', { committeeId: 'cq', name: 'x', level: 'county' }))
        .then(registered),
    ).toThrow(/refused: already-exists \(committeeId = "cq"\)/);
  });

  it('reports a refused command of the history as an error of the specification, naming it', () => {
    const term = command('OpenTerm', {
      committeeId: 'cq',
      term: 5,
      startsOn: '2018-01-15',
      endsOn: '2022-12-31',
    });
    expect(() => given(term).when(committee)).toThrow(/given #1 \(OpenTerm\) was refused: unknown-committee/);
  });

  it('takes events as already recorded, checking their data against the event schema', () => {
    const event = { type: 'CommitteeRegistered', streamId: 'committee-cq', data: registered.data };
    given(event).when(committee).then('no-op');
    expect(() => given({ ...event, data: { committeeId: 'cq' } })).toThrow(
      /CommitteeRegistered has invalid data/,
    );
  });

  it('builds commands of the history and the command under test from the events recorded before them', () => {
    const term = command('OpenTerm', {
      committeeId: 'cq',
      term: 5,
      startsOn: '2018-01-15',
      endsOn: '2022-12-31',
    });
    const appoint = command('AppointMember', {
      memberId: 'wang',
      name: '王芳',
      committeeId: 'cq',
      term: 5,
      sector: '经济界',
      appointedOn: '2018-01-15',
    });
    const retract = (h: GivenHistory) =>
      command('RetractRecord', {
        eventId: h.last('MemberAppointed').eventId,
        reason: '重复',
        approvedBy: '秘书长',
      });
    given(committee, term, appoint, retract).when(retract).then('no-op');
    given(committee, term, appoint)
      .when(retract)
      .then((h) => ({
        type: 'RecordRetracted',
        streamId: 'member-wang',
        data: {
          eventId: h.last('MemberAppointed').eventId,
          reason: '重复',
          approvedBy: '秘书长',
          targetType: 'MemberAppointed',
          occurredAt: '2024-06-01T00:00:00.000Z',
        },
      }));
  });

  it('refuses what is neither a command nor an event', () => {
    expect(() => given({ nonsense: true } as never)).toThrow(TypeError);
  });
});
