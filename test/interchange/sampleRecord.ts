import { readFileSync } from 'node:fs';
import { CommandHandler, type EventStore, type RecordedEvent, sealLog } from '@lvzhi/core';
import { example } from '../cli/runCli.ts';

const CLOCK = Date.parse('2020-03-01T00:00:00Z');
const meta = (recordedAt: string) => ({ recordedBy: '市政协办公厅', recordedAt });

/**
 * The 2019 sample of the record format recorded through the command handler, then a correction (m-007's
 * study session attended in full), a retraction (m-009's absence from it), m-002 no longer standing from
 * 2019-10-01, m-010's resignation, and a seal: every kind of fact the exports map.
 */
export async function recordSample(store: EventStore): Promise<void> {
  const handler = new CommandHandler(store, { clock: () => CLOCK, correlationId: 'interchange-test' });
  const lines = readFileSync(example('sample-2019.jsonl'), 'utf8').split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const outcome = await handler.handle(JSON.parse(line), `sample-2019.jsonl:${i + 1}`);
    if (outcome.status !== 'recorded') throw new Error(`line ${i + 1}: ${JSON.stringify(outcome)}`);
  }
  const attendance = async (memberId: string): Promise<RecordedEvent> => {
    for await (const e of store.readStream(`member-${memberId}`)) {
      const data = e.data as { meetingId?: string };
      if (e.type === 'AttendanceRecorded' && data.meetingId === 'cq-2019-study-10') return e;
    }
    throw new Error(`no attendance of ${memberId} at cq-2019-study-10`);
  };
  const more = [
    {
      command: 'CorrectRecord',
      data: {
        eventId: (await attendance('m-007')).eventId,
        data: { fractionAttended: 1 },
        reason: '签到表复核：全程出席',
        approvedBy: '秘书长',
      },
      meta: meta('2019-05-20T10:00:00+08:00'),
    },
    {
      command: 'RetractRecord',
      data: { eventId: (await attendance('m-009')).eventId, reason: '误录', approvedBy: '秘书长' },
      meta: meta('2019-05-21T10:00:00+08:00'),
    },
    {
      command: 'SetStandingMember',
      data: { memberId: 'm-002', committeeId: 'cq', standing: false, effectiveOn: '2019-10-01' },
      meta: meta('2019-10-01T10:00:00+08:00'),
    },
    {
      command: 'EndMembership',
      data: { memberId: 'm-010', committeeId: 'cq', reason: 'resigned', effectiveOn: '2019-11-30' },
      meta: meta('2019-12-01T10:00:00+08:00'),
    },
  ];
  for (const command of more) {
    const outcome = await handler.handle(command);
    if (outcome.status !== 'recorded') throw new Error(`${command.command}: ${JSON.stringify(outcome)}`);
  }
  await sealLog(store, { sealedBy: '审计员', now: () => Date.parse('2020-01-05T09:00:00+08:00') });
}

/** Every event of a store, in global order. */
export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
}
