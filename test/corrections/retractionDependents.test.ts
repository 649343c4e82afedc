import { CommandHandler, InMemoryEventStore } from '@lvzhi/core';
import { describe, expect, it } from 'vitest';

const meta = { recordedBy: '提案委', recordedAt: '2019-12-31T10:00:00+08:00' };

async function filedAndAwarded() {
  const handler = new CommandHandler(new InMemoryEventStore());
  const ids: Record<string, string> = {};
  const steps = [
    ['RegisterCommittee', { committeeId: 'c', name: '测试政协', level: 'county' }],
    ['OpenTerm', { committeeId: 'c', term: 1, startsOn: '2018-01-01', endsOn: '2022-12-31' }],
    [
      'AppointMember',
      { memberId: 'a', name: '甲', committeeId: 'c', term: 1, sector: '经济界', appointedOn: '2018-01-01' },
    ],
    [
      'SubmitProposal',
      {
        proposalId: 'p',
        committeeId: 'c',
        title: 't',
        category: 'social',
        submittedOn: '2019-01-10',
        proposerType: 'individual',
        leadMemberId: 'a',
      },
    ],
    ['ReviewProposal', { proposalId: 'p', decision: 'filed', decidedOn: '2019-02-10' }],
    ['AwardProposal', { proposalId: 'p', awardedOn: '2019-12-10' }],
  ] as const;
  for (const [command, data] of steps) {
    const o = await handler.handle({ command, data, meta });
    if (o.status !== 'recorded') throw new Error(`${command} was ${o.status}`);
    ids[command] = o.events[0]!.eventId;
  }
  return { handler, ids };
}

const retract = (eventId: string) => ({
  command: 'RetractRecord',
  data: { eventId, reason: '错录', approvedBy: '主任' },
  meta,
});

describe('Given a filed proposal that was then awarded', () => {
  it('refuses to retract the review while the award rests on it, naming the award', async () => {
    const { handler, ids } = await filedAndAwarded();
    const o = await handler.handle(retract(ids.ReviewProposal!));
    expect(o).toMatchObject({
      status: 'rejected',
      rejection: { code: 'retraction-has-dependents', field: 'eventId' },
    });
    expect(o.status === 'rejected' && o.rejection.detail).toContain(ids.AwardProposal);
  });

  it('retracts the review once the award is retracted first', async () => {
    const { handler, ids } = await filedAndAwarded();
    expect((await handler.handle(retract(ids.AwardProposal!))).status).toBe('recorded');
    expect((await handler.handle(retract(ids.ReviewProposal!))).status).toBe('recorded');
  });

  it('retracts the whole submission at once (its steps count nowhere with it)', async () => {
    const { handler, ids } = await filedAndAwarded();
    expect((await handler.handle(retract(ids.SubmitProposal!))).status).toBe('recorded');
  });
});
