import { join } from 'node:path';
import type { PopoloDocument } from '@lvzhi/interchange';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/runCli.ts';
import { recordSample } from './sampleRecord.ts';
import { type PopoloClass, popoloValidator } from './sharedSchemas.ts';

const temp = tempDir();
let doc: PopoloDocument;

beforeAll(async () => {
  const db = join(temp.dir, 'lvzhi.db');
  const store = SqliteEventStore.open(db);
  await recordSample(store);
  await store.close();
  const run = await runCli(['--store', `sqlite:${db}`, 'export', '--format', 'popolo']);
  expect(run.code, run.stderr).toBe(0);
  doc = JSON.parse(run.stdout) as PopoloDocument;
});
afterAll(() => temp.remove());

const CLASS_OF: Record<keyof PopoloDocument, PopoloClass> = {
  persons: 'person',
  organizations: 'organization',
  memberships: 'membership',
  events: 'event',
  speeches: 'speech',
  motions: 'motion',
};

describe('Given the 2019 sample, corrected, exported as a Popolo document', () => {
  it('every item validates against its Popolo schema (../shared/schemas/popolo, draft-03), counts too', () => {
    const validate = popoloValidator();
    for (const [key, cls] of Object.entries(CLASS_OF) as [keyof PopoloDocument, PopoloClass][]) {
      expect(doc[key].length, key).toBeGreaterThan(0);
      for (const item of doc[key]) expect(validate(item, cls), `${key} ${item.id}`).toEqual([]);
    }
    for (const event of doc.events)
      for (const count of event.counts ?? []) expect(validate(count, 'count')).toEqual([]);
  });

  it('every reference points at an item of the document', () => {
    const ids = new Set([...doc.persons, ...doc.organizations, ...doc.events].map((x) => x.id));
    const refs = [
      ...doc.memberships.flatMap((m) => [
        m.person_id,
        m.organization_id,
        m.on_behalf_of_id,
        m.legislative_period_id,
      ]),
      ...doc.organizations.map((o) => o.parent_id),
      ...doc.events.flatMap((e) => [e.organization_id, e.parent_id, ...(e.attendees ?? []).map((a) => a.id)]),
      ...doc.speeches.flatMap((s) => [s.creator_id, s.event_id]),
      ...doc.motions.flatMap((m) => [m.organization_id, m.creator_id]),
    ].filter((r): r is string => r !== undefined);
    expect(refs.filter((r) => !ids.has(r))).toEqual([]);
    const all = [...ids, ...doc.memberships.map((m) => m.id), ...doc.speeches.map((s) => s.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('members are persons, and the committee, its sectors, special committees and parties organizations', () => {
    expect(doc.persons).toHaveLength(10);
    expect(doc.persons[0]).toEqual({
      id: 'member-m-001',
      name: '张伟',
      identifiers: [{ scheme: 'lvzhi-member', identifier: 'm-001' }],
    });
    const classes = (c: string) => doc.organizations.filter((o) => o.classification === c).map((o) => o.name);
    expect(classes('committee')).toEqual(['中国人民政治协商会议重庆市委员会']);
    expect(classes('sector')).toHaveLength(10);
    expect(classes('special committee')).toContain('提案委员会');
    expect(classes('party')).toContain('民盟');
  });

  it('a seat is a membership on behalf of its sector within its term, ended when the member resigned', () => {
    const seat = (memberId: string) =>
      doc.memberships.find(
        (m) => m.person_id === memberId && m.role === 'member' && m.organization_id === 'committee-cq',
      );
    expect(seat('member-m-003')).toMatchObject({
      label: '委员',
      on_behalf_of_id: 'committee-cq/sector/经济界',
      legislative_period_id: 'committee-cq/term/5',
      start_date: '2018-01-25',
      end_date: '2023-01-12',
    });
    expect(seat('member-m-010')).toMatchObject({ start_date: '2018-01-25', end_date: '2019-11-30' });
    expect(doc.events[0]).toMatchObject({
      id: 'committee-cq/term/5',
      classification: 'legislative period',
      start_date: '2018-01-25',
      end_date: '2023-01-12',
    });
  });

  it('standing members (常委) have a standing-member membership for each period', () => {
    const standing = (memberId: string) =>
      doc.memberships
        .filter((m) => m.person_id === memberId && m.role === 'standing member')
        .map((m) => [m.start_date, m.end_date]);
    expect(standing('member-m-001')).toEqual([['2018-01-25', '2023-01-12']]);
    expect(standing('member-m-002')).toEqual([['2018-01-25', '2019-10-01']]);
    expect(standing('member-m-005')).toEqual([['2019-06-01', '2023-01-12']]);
    expect(standing('member-m-003')).toEqual([]);
  });

  it('a meeting is an event of its term, with the members present as attendees and attendance counts', () => {
    const meeting = (id: string) => doc.events.find((e) => e.id === `meeting-${id}`)!;
    const plenary = meeting('cq-5-2-plenary');
    expect(plenary).toMatchObject({
      name: '政协重庆市第五届委员会第二次会议',
      classification: 'plenary',
      organization_id: 'committee-cq',
      parent_id: 'committee-cq/term/5',
      start_date: '2019-01-13',
      end_date: '2019-01-17',
    });
    expect(plenary.attendees).toHaveLength(8);
    expect(plenary.attendees).toContainEqual({ id: 'member-m-001', name: '张伟' });
    expect(plenary.counts).toEqual([
      { option: 'present', value: 8 },
      { option: 'excused', value: 1 },
      { option: 'absent', value: 1 },
    ]);
    // m-009's absence from the study session was retracted.
    expect(meeting('cq-2019-study-10').counts).toEqual([
      { option: 'present', value: 2 },
      { option: 'excused', value: 0 },
      { option: 'absent', value: 0 },
    ]);
  });

  it('speeches name their speaker and meeting; proposals are motions with their lead member and review', () => {
    expect(doc.speeches).toHaveLength(6);
    expect(doc.speeches[0]).toMatchObject({
      creator_id: 'member-m-001',
      event_id: 'meeting-cq-5-2-plenary',
      type: 'oral',
      date: '2019-01-13T00:00:00+08:00',
    });
    const motion = (id: string) => doc.motions.find((m) => m.identifier === id);
    expect(motion('2019-0001')).toEqual({
      id: 'proposal-2019-0001',
      organization_id: 'committee-cq',
      identifier: '2019-0001',
      text: '关于进一步优化营商环境支持民营经济发展的提案',
      classification: 'economic',
      date: '2019-01-14T00:00:00+08:00',
      creator_id: 'member-m-003',
      result: 'filed',
    });
    expect(motion('2019-0004')?.result).toBe('merged');
    expect(motion('2019-0003')?.creator_id).toBeUndefined();
  });
});

describe('The Popolo validator used here rejects what it must', () => {
  it('a bad date pattern, a speech date that is not a date-time, a mistyped attendee', () => {
    const validate = popoloValidator();
    expect(validate({ id: 'x', start_date: '2019/01/13' }, 'membership')).not.toEqual([]);
    expect(validate({ id: 'x', date: '2019-01-13' }, 'speech')).not.toEqual([]);
    expect(validate({ id: 'x', attendees: [{ id: 1 }] }, 'event')).not.toEqual([]);
    expect(validate({ option: 'present' }, 'count')).not.toEqual([]);
  });
});
