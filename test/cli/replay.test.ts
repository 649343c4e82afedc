import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, jsonLines, runCli, tempDir } from './runCli.ts';

interface LoggedEvent {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
}

interface MemberResult {
  memberId: string;
  score: number | null;
  grade: string | null;
}

interface EvaluationJson {
  policy: { id: string };
  asOf?: string;
  results: MemberResult[];
}

/** Before the late correction (recorded 2020-03-02), after every record of the 2019 sample. */
const BEFORE = '2020-01-31';

describe('point-in-time answers: --as-of on the reports, and lvzhi replay', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  const lvzhi = (...args: string[]) => runCli(['--store', store, ...args]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const run = await lvzhi(...args);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as T;
  };
  const m009 = (e: EvaluationJson) => e.results.find((r) => r.memberId === 'm-009');
  let first: EvaluationJson;

  beforeAll(async () => {
    expect((await lvzhi('record', example('sample-2019.jsonl'))).code).toBe(0);
    first = await json<EvaluationJson>(
      'evaluate',
      '--policy',
      'jinan-2015',
      '--year',
      '2019',
      '--format',
      'json',
    );
    // m-009 was recorded absent from the plenary: 70 − 30 = 40.
    expect(m009(first)).toMatchObject({ score: 40 });
    // The secretariat later learns that m-009 had asked for leave (work) and corrects the record.
    const logged = jsonLines((await lvzhi('log', '--stream', 'member-m-009', '--format', 'json')).stdout);
    const absence = (logged as LoggedEvent[]).find(
      (e) => e.type === 'AttendanceRecorded' && e.data.meetingId === 'cq-5-2-plenary',
    )!;
    const correction = {
      command: 'CorrectRecord',
      data: {
        eventId: absence.eventId,
        data: { status: 'excused', leaveReason: 'work' },
        reason: '请假条迟交',
        approvedBy: '秘书长',
      },
      meta: { recordedBy: '市政协办公厅', recordedAt: '2020-03-02T10:00:00+08:00' },
    };
    const file = join(temp.dir, 'correction.jsonl');
    writeFileSync(file, `${JSON.stringify(correction)}\n`);
    expect((await lvzhi('record', file)).code).toBe(0);
  });
  afterAll(() => temp.remove());

  it('evaluate --as-of before the correction gives the first answer; without it, the corrected one', async () => {
    const [then, now] = await Promise.all([
      json<EvaluationJson>(
        'evaluate',
        '--policy',
        'jinan-2015',
        '--year',
        '2019',
        '--as-of',
        BEFORE,
        '--format',
        'json',
      ),
      json<EvaluationJson>('evaluate', '--policy', 'jinan-2015', '--year', '2019', '--format', 'json'),
    ]);
    // A bare date is the end of that day in the committee's zone (Asia/Shanghai, UTC+8).
    expect(then.asOf).toBe('2020-01-31T15:59:59.999Z');
    expect(then.results).toEqual(first.results);
    // Excused instead of absent: 70 − 10 = 60.
    expect(m009(now)).toMatchObject({ score: 60 });
  });

  it('analysis and archive --as-of before the correction show the absence; today they show the leave', async () => {
    type Plenary = { plenary: { present: number; excused: number; absent: number } };
    type Archive = {
      attendance: { meeting: { meetingId: string }; status: string }[];
      corrections: { type: string; correction: { reason: string; approvedBy: string }; original: unknown }[];
    };
    const [analysisThen, analysisNow, archiveThen, archiveNow] = await Promise.all([
      json<Plenary>('analysis', '--year', '2019', '--as-of', BEFORE, '--format', 'json'),
      json<Plenary>('analysis', '--year', '2019', '--format', 'json'),
      json<Archive>('archive', 'm-009', '--as-of', '2020-01-31T23:59:59+08:00', '--format', 'json'),
      json<Archive>('archive', 'm-009', '--format', 'json'),
    ]);
    expect(analysisThen.plenary).toMatchObject({ present: 8, excused: 1, absent: 1 });
    expect(analysisNow.plenary).toMatchObject({ present: 8, excused: 2, absent: 0 });
    const plenary = (a: Archive) => a.attendance.find((e) => e.meeting.meetingId === 'cq-5-2-plenary')!;
    expect(plenary(archiveThen).status).toBe('absent');
    expect(archiveThen.corrections).toEqual([]);
    expect(plenary(archiveNow).status).toBe('excused');
    // The archive shows the original, the correction, its reason and its approver.
    expect(archiveNow.corrections).toEqual([
      expect.objectContaining({
        type: 'AttendanceRecorded',
        correction: expect.objectContaining({ reason: '请假条迟交', approvedBy: '秘书长' }),
        original: expect.objectContaining({ status: 'absent' }),
      }),
    ]);
  });

  it('replay --as-of rebuilds every projection as known then; --to-position writes the same to files', async () => {
    type Replayed = {
      asOf: string;
      checkpoint: number;
      year: number;
      projections: { name: string; anomalyCount: number }[];
      analysis: { year: number; plenary: { absent: number } };
      archives: Record<string, { member: { memberId: string } }>;
      evaluations: Record<string, EvaluationJson>;
    };
    const out = join(temp.dir, 'replay-90');
    const [then, later, written] = await Promise.all([
      json<Replayed>('replay', '--as-of', BEFORE, '--policy', 'jinan-2015', '--format', 'json'),
      json<Replayed>('replay', '--as-of', '2020-12-31', '--policy', 'jinan-2015', '--format', 'json'),
      lvzhi('replay', '--to-position', '90', '--policy', 'jinan-2015', '--out', out),
    ]);
    expect(then).toMatchObject({
      asOf: '2020-01-31T15:59:59.999Z',
      checkpoint: 90,
      year: 2019,
      projections: [{ name: 'duty-record', anomalyCount: 0 }],
      analysis: { year: 2019, plenary: { absent: 1 } },
    });
    expect(Object.keys(then.archives).sort()).toHaveLength(10);
    expect(then.archives['m-009']!.member.memberId).toBe('m-009');
    expect(then.evaluations['jinan-2015']!.results).toEqual(first.results);
    expect(later.checkpoint).toBe(91);
    expect(m009(later.evaluations['jinan-2015']!)).toMatchObject({ score: 60 });

    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`wrote 13 files to ${out}`);
    const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));
    expect(read('replay.json')).toMatchObject({
      toPosition: 90,
      checkpoint: 90,
      committeeId: 'cq',
      year: 2019,
    });
    expect(read('analysis.json')).toEqual(then.analysis);
    expect(read('archives/m-009.json')).toEqual(then.archives['m-009']);
    expect(read('evaluation-jinan-2015.json').results).toEqual(first.results);
    expect(existsSync(join(out, 'archives', 'm-001.json'))).toBe(true);
  });

  it('replay needs a point; --occurred-between needs two dates and keeps the committee and its members', async () => {
    const [none, oneDate, window] = await Promise.all([
      lvzhi('replay'),
      lvzhi('replay', '--as-of', BEFORE, '--occurred-between', '2019-01-01'),
      lvzhi(
        'replay',
        '--to-position',
        '91',
        '--occurred-between',
        '2019-07-01',
        '2019-12-31',
        '--format',
        'json',
      ),
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--as-of ISO and/or --to-position N');
    expect(oneDate.code).toBe(2);
    expect(oneDate.stderr).toContain('--occurred-between FROM TO');
    expect(window.code).toBe(0);
    const r = JSON.parse(window.stdout);
    // The second half of 2019: no plenary and no proposal, two 社情民意 items (July), ten members seated.
    expect(r.occurredBetween).toEqual(['2019-06-30T16:00:00.000Z', '2019-12-31T15:59:59.999Z']);
    expect(r.analysis).toMatchObject({
      members: 10,
      plenary: { meetings: 0 },
      proposals: { submitted: 0 },
      opinions: { submitted: 2 },
    });
  });
});
