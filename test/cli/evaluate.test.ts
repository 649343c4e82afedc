import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './runCli.ts';

interface EvaluationJson {
  policy: { id: string; version: string };
  period: { year: number } | { term: number };
  committeeId: string;
  asOf?: string;
  results: {
    memberId: string;
    score: number | null;
    grade: string | null;
    flags: { code: string; year?: number; detail?: string[]; evidence: string[] }[];
    blocks: { id: string; points: number; cap?: number }[];
    items: { block: string; rule: string; points: number; evidence: string[] }[];
    percentileInSector: number | null;
  }[];
}

const PRESETS = [
  ['tongcheng-2019', '--year', '2019'],
  ['jinan-2015', '--year', '2019'],
  ['xuanwei-term', '--term', '5'],
  ['shandong-2013', '--term', '5'],
] as const;

/** A committee's own scheme: 10 per plenary attended, 5 per proposal in any credited role. */
const CUSTOM_POLICY = {
  id: 'county-2024',
  version: '2024.1',
  title: { zh: '某县政协委员履职考核', en: 'County member assessment' },
  description: { zh: '出席全体会议每次10分，每件提案5分', en: '10 per plenary attended, 5 per proposal' },
  period: 'year',
  score: {
    blocks: [
      {
        id: 'duty',
        label: { zh: '履职', en: 'Duty' },
        rules: [
          {
            kind: 'per-act',
            id: 'plenary',
            label: { zh: '出席全体会议', en: 'Present at a plenary' },
            select: { act: 'attendance', meetingKinds: ['plenary'], statuses: ['present'] },
            points: 10,
          },
          {
            kind: 'per-act',
            id: 'proposal',
            label: { zh: '提案', en: 'Proposal' },
            select: { act: 'proposal' },
            points: 5,
          },
        ],
      },
    ],
  },
  grading: { bands: [{ atLeast: 15, grade: 'good' }], otherwise: { grade: 'competent' } },
};

/** The custom policy broken twice: an unknown period and a cap that is not a number. */
const BROKEN_POLICY = {
  ...CUSTOM_POLICY,
  period: 'month',
  score: { blocks: [{ ...CUSTOM_POLICY.score.blocks[0], cap: 'lots' }] },
};

describe('lvzhi policies and lvzhi evaluate, on a recorded sample', () => {
  const temp = tempDir();
  const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
  const lvzhi = (...args: string[]) => runCli(['--store', store, ...args]);
  const result = (e: EvaluationJson, memberId: string) => e.results.find((r) => r.memberId === memberId)!;

  beforeAll(async () => {
    expect((await lvzhi('record', example('sample-2019.jsonl'))).code).toBe(0);
  });
  afterAll(() => temp.remove());

  it('policies lists the four presets with a one-line description in the chosen language', async () => {
    const [json, zh] = await Promise.all([
      runCli(['policies', '--format', 'json']),
      runCli(['--lang', 'zh', 'policies']),
    ]);
    expect(json.code).toBe(0);
    const { policies } = JSON.parse(json.stdout);
    expect(policies.map((p: { id: string }) => p.id)).toEqual(PRESETS.map(([id]) => id));
    expect(policies[0]).toMatchObject({
      id: 'tongcheng-2019',
      period: 'year',
      description: { zh: expect.any(String) },
    });
    expect(zh.stdout).toMatch(/办法\s+版本\s+周期\s+名称\s+说明/);
    expect(zh.stdout).toMatch(/xuanwei-term\s+1\s+届/);
  });

  it('every preset runs and answers in the DESIGN.md shape; items add up to blocks, blocks to the score', async () => {
    const runs = await Promise.all(
      PRESETS.map(([id, flag, value]) => lvzhi('evaluate', '--policy', id, flag, value, '--format', 'json')),
    );
    const evaluations = runs.map((run) => {
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout) as EvaluationJson;
    });
    for (const [i, e] of evaluations.entries()) {
      const [id, flag, value] = PRESETS[i]!;
      expect(e.policy).toEqual({ id, version: '1' });
      expect(e.period).toEqual(flag === '--year' ? { year: Number(value) } : { term: Number(value) });
      expect(e.committeeId).toBe('cq');
      expect(e.results).toHaveLength(10);
      for (const r of e.results) {
        expect(Object.keys(r)).toEqual(
          expect.arrayContaining([
            'memberId',
            'score',
            'grade',
            'flags',
            'blocks',
            'items',
            'percentileInSector',
          ]),
        );
        if (r.score === null) continue;
        const sum = (xs: { points: number }[]) => xs.reduce((n, x) => n + x.points, 0);
        expect(sum(r.blocks)).toBeCloseTo(r.score, 9);
        for (const b of r.blocks)
          expect(sum(r.items.filter((i) => i.block === b.id))).toBeCloseTo(b.points, 9);
        for (const item of r.items) expect(item.evidence.length).toBeGreaterThan(0);
      }
    }
    const [tongcheng, jinan, xuanwei] = evaluations as [EvaluationJson, EvaluationJson, EvaluationJson];

    // tongcheng-2019, m-003 (王强), by hand from DOMAIN.md:
    //   meetings: present at the one plenary of 2019 → 50 (not a standing member: no deductions)
    //   proposals: 2019-0001, individual, filed → 10 + 15 = 25 (cap 25)
    //   activities: present at the inspection (2) and the consultation (2) — the standing meeting is not an
    //     activity kind — plus a written speech listed in the plenary's proceedings (5) → 9 (cap 10)
    //   opinions: SQ-2019-0031, co-author, adopted → 10 + 5 = 15 (cap 15)
    //   total 50 + 25 + 9 + 15 = 99 ≥ 60 → pass
    expect(result(tongcheng, 'm-003')).toMatchObject({ score: 99, grade: 'pass', flags: [] });
    // tongcheng-2019, m-006 (杨帆), a cap that binds:
    //   meetings 50; proposals: 2019-0004 individual, merged → 10 + 15 = 25, and 2019-0005 as the only
    //   co-signer of a joint proposal → 50% × (10 + 15) = 12.5; 37.5 capped at 25 (an item of −12.5)
    //   activities: present at the inspection → 2 (the written plenary speech was not listed)
    //   opinions: SQ-2019-0031 → 15;  total 50 + 25 + 2 + 15 = 92 → pass
    expect(result(tongcheng, 'm-006')).toMatchObject({ score: 92, grade: 'pass' });
    expect(result(tongcheng, 'm-006').blocks.find((b) => b.id === 'proposals')).toEqual({
      id: 'proposals',
      points: 25,
      cap: 25,
    });
    // jinan-2015, m-003: base 70, present at the plenary (no deduction); bonus: one filed proposal as
    // individual proposer → 5 × (1 − 1) = 0, key → +5, excellent → +10; 70 + 15 = 85, all three minimums
    // met (plenary, a proposal, the inspection) → excellent.
    expect(result(jinan, 'm-003')).toMatchObject({ score: 85, grade: 'excellent', flags: [] });
    // jinan-2015, m-009: absent from the plenary → 70 − 30 = 40; co-signer only, so no bonus.
    expect(result(jinan, 'm-009')).toMatchObject({ score: 40, grade: 'incompetent' });
    // xuanwei-term: m-009's unexcused plenary absence of 2019 → public-criticism (2019).
    expect(result(xuanwei, 'm-009').flags.map((f) => [f.code, f.year])).toContainEqual([
      'public-criticism',
      2019,
    ]);
    expect(result(xuanwei, 'm-009').score).toBeNull();
  });

  it('Markdown explains the points in the chosen language; CSV has one row per member or per item', async () => {
    const [md, csv, items] = await Promise.all([
      lvzhi('--lang', 'zh', 'evaluate', '--policy', 'tongcheng-2019', '--year', '2019'),
      lvzhi('evaluate', '--policy', 'jinan-2015', '--year', '2019', '--format', 'csv'),
      lvzhi('evaluate', '--policy', 'jinan-2015', '--year', '2019', '--format', 'csv', '--layout', 'items'),
    ]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# 桐城市政协委员履职考核（2019） — 2019 年度/);
    expect(md.stdout).toContain('## 王强 (m-003)');
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^memberId,name,sector,score,grade,percentileInSector,flags/);
    expect(lines).toHaveLength(11);
    expect(lines.find((l) => l.startsWith('m-003,'))).toContain(',85,excellent,');
    expect(items.stdout.split(/\r?\n/)[0]).toMatch(/^memberId,block,rule,kind,points/);
  });

  it('a custom policy file works; a broken one is rejected naming each problem (path and rule)', async () => {
    const custom = join(temp.dir, 'county-2024.json');
    const broken = join(temp.dir, 'broken.json');
    writeFileSync(custom, JSON.stringify(CUSTOM_POLICY));
    writeFileSync(broken, JSON.stringify(BROKEN_POLICY));
    const [ok, bad, badJson] = await Promise.all([
      lvzhi('evaluate', '--policy', custom, '--year', '2019', '--format', 'json'),
      lvzhi('evaluate', '--policy', broken, '--year', '2019'),
      lvzhi('evaluate', '--policy', broken, '--year', '2019', '--format', 'json'),
    ]);
    expect(ok.code).toBe(0);
    const e = JSON.parse(ok.stdout) as EvaluationJson;
    expect(e.policy).toEqual({ id: 'county-2024', version: '2024.1' });
    // m-007: present at the plenary (10) + 2019-0002 as co-signer and 2019-0007 as proposer (2 × 5) = 20.
    expect(result(e, 'm-007')).toMatchObject({ score: 20, grade: 'good' });
    // m-009: absent from the plenary (0) + 2019-0002 as co-signer (5) = 5.
    expect(result(e, 'm-009')).toMatchObject({ score: 5, grade: 'competent' });

    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is invalid (2 problems');
    expect(bad.stderr).toContain('$.period · invalid-value');
    expect(bad.stderr).toContain('$.score.blocks[0].cap · invalid-type');
    expect(badJson.code).toBe(1);
    expect(
      JSON.parse(badJson.stdout).problems.map((p: { path: string; rule: string }) => [p.path, p.rule]),
    ).toEqual([
      ['$.period', 'invalid-value'],
      ['$.score.blocks[0].cap', 'invalid-type'],
    ]);
  });

  it('a period the policy does not use, or none, or an unknown policy, is a usage error; an unknown term exit 1', async () => {
    const [yearForTerm, termForYear, neither, unknown, noTerm] = await Promise.all([
      lvzhi('evaluate', '--policy', 'xuanwei-term', '--year', '2019'),
      lvzhi('--lang', 'zh', 'evaluate', '--policy', 'jinan-2015', '--term', '5'),
      lvzhi('evaluate', '--policy', 'jinan-2015'),
      lvzhi('evaluate', '--policy', 'no-such-policy', '--year', '2019'),
      lvzhi('evaluate', '--policy', 'xuanwei-term', '--term', '9'),
    ]);
    expect(yearForTerm.code).toBe(2);
    expect(yearForTerm.stderr).toContain('policy xuanwei-term is evaluated per term: give --term N instead');
    expect(termForYear.code).toBe(2);
    expect(termForYear.stderr).toContain('办法 jinan-2015 按年度考核');
    expect(neither.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"no-such-policy" is neither a preset (tongcheng-2019, jinan-2015');
    expect(noTerm.code).toBe(1);
    expect(noTerm.stderr).toContain('committee cq has no term 9 in the record');
  });
});
