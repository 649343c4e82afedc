import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnnualAnalysis, annualAnalysis, type RollUpAnalysis } from '@lvzhi/analysis';
import { type DutyRecordState, dutyRecordProjection, projectLog } from '@lvzhi/core';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './runCli.ts';

/** The JSON a report page embeds under an id. */
function embedded<T>(html: string, id: string): T {
  const match = new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html);
  if (!match) throw new Error(`no #${id} in the page`);
  return JSON.parse(match[1]!) as T;
}

const meta = { recordedBy: '万州区政协办公室', recordedAt: '2019-01-02T09:00:00+08:00' };
/** A second committee with one member, for a roll-up. */
const DISTRICT = [
  {
    command: 'RegisterCommittee',
    data: { committeeId: 'cq-wz', name: '政协重庆市万州区委员会', level: 'county' },
  },
  {
    command: 'OpenTerm',
    data: { committeeId: 'cq-wz', term: 15, startsOn: '2018-01-10', endsOn: '2023-01-09' },
  },
  {
    command: 'AppointMember',
    data: {
      memberId: 'wz-001',
      name: '何平',
      committeeId: 'cq-wz',
      term: 15,
      sector: '农业界',
      appointedOn: '2018-01-10',
    },
  },
]
  .map((c) => JSON.stringify({ ...c, meta }))
  .join('\n');

describe('lvzhi report', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: string;

  beforeAll(async () => {
    temp = tempDir();
    store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
    const recorded = await runCli(['--store', store, 'record', example('sample-2019.jsonl')]);
    expect(recorded.code, recorded.stderr).toBe(0);
  });
  afterAll(() => temp.remove());

  const report = async (args: readonly string[], lang = 'en') => {
    const out = join(temp.dir, `report-${args.join('-').replace(/[^a-z0-9-]/gi, '')}-${lang}.html`);
    const run = await runCli(['--store', store, '--lang', lang, 'report', '--out', out, ...args]);
    return { run, out, html: () => readFileSync(out, 'utf8') };
  };

  it('explains itself with --help, in English and in Chinese', async () => {
    const en = await runCli(['report', '--help']);
    expect(en.code).toBe(0);
    for (const option of ['--year', '--committee', '--out', '--lang', '--store'])
      expect(en.stdout).toContain(option);
    const zh = await runCli(['--lang', 'zh', 'report', '--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('年度报告');
  });

  it('is a usage error (exit 2) without --year or --out, for an unknown committee or a missing store', async () => {
    expect((await runCli(['--store', store, 'report', '--out', join(temp.dir, 'x.html')])).code).toBe(2);
    expect((await runCli(['--store', store, 'report', '--year', '2019'])).code).toBe(2);
    const unknown = await report(['--year', '2019', '--committee', 'nowhere']);
    expect(unknown.run.code).toBe(2);
    expect(unknown.run.stderr).toContain('nowhere');
    expect(unknown.run.stderr).toContain('cq');
    const missing = await runCli([
      '--store',
      `sqlite:${join(temp.dir, 'none.db')}`,
      'report',
      '--year',
      '2019',
      '--out',
      join(temp.dir, 'none.html'),
    ]);
    expect(missing.code).toBe(2);
  });

  it('writes one self-contained page: inline CSS and SVG, nothing fetched, printable', async () => {
    const { run, html } = await report(['--year', '2019', '--committee', 'cq']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('self-contained');
    const page = html();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<link\b|<img\b|\bsrc=|@import|url\(/i);
    expect(page.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
    expect(page).toContain('@media print');
    expect(page.match(/<svg [^>]*data-chart="/g)?.length).toBe(6);
  });

  it('embeds the annual analysis exactly as the analysis package computes it', async () => {
    const { run, html } = await report(['--year', '2019']);
    expect(run.code, run.stderr).toBe(0);
    const reader = SqliteEventStore.open(join(temp.dir, 'lvzhi.db'), { readonly: true });
    try {
      const { states } = await projectLog(reader, [dutyRecordProjection]);
      const state = states.get(dutyRecordProjection.name) as DutyRecordState;
      expect(embedded<AnnualAnalysis>(html(), 'analysis')).toEqual(
        annualAnalysis(state, { committeeId: 'cq', year: 2019 }),
      );
    } finally {
      await reader.close();
    }
  });

  it('labels in Chinese, or in English with the Chinese terms beside', async () => {
    const zh = (await report(['--year', '2019'], 'zh')).html();
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('全体会议出席');
    expect(zh).not.toContain('Plenary attendance');
    const en = (await report(['--year', '2019'], 'en')).html();
    expect(en).toContain('Plenary attendance 全体会议出席');
    expect(en).toContain('Proposal funnel 提案');
  });

  it('rolls several committees up into one report', async () => {
    const added = await runCli(['--store', store, 'record', '-'], { input: DISTRICT });
    expect(added.code, added.stdout).toBe(0);
    const { run, html } = await report(['--year', '2019']);
    expect(run.code, run.stderr).toBe(0);
    const page = html();
    const rollUp = embedded<RollUpAnalysis>(page, 'analysis');
    expect(rollUp.committeeIds).toEqual(['cq', 'cq-wz']);
    expect(page).toContain('id="committees"');
    expect(page).toContain('政协重庆市万州区委员会');
    const one = embedded<AnnualAnalysis>(
      (await report(['--year', '2019', '--committee', 'cq'])).html(),
      'analysis',
    );
    expect(one.committeeId).toBe('cq');
  });
});
