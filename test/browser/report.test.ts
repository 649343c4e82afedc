import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnnualAnalysis } from '@lvzhi/analysis';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from '../cli/runCli.ts';

/** Debian's chromium (CI installs it with apt in .ci/run); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Screenshots land here (ignored by git). */
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const CHARTS = [
  'plenary-turnout',
  'proposal-funnel',
  'proposal-categories',
  'opinion-adoption',
  'acts-distribution',
  'acts-by-sector',
];

const meta = { recordedBy: '市政协办公厅', recordedAt: '2019-01-05T09:00:00+08:00' };
/** Two members with nothing recorded in 2019, one of them on long leave all year. */
const IDLE_MEMBERS = [
  {
    command: 'AppointMember',
    data: {
      memberId: 'm-011',
      name: '孙悦',
      committeeId: 'cq',
      term: 5,
      sector: '特别邀请人士',
      appointedOn: '2018-01-25',
    },
    meta,
  },
  {
    command: 'AppointMember',
    data: {
      memberId: 'm-012',
      name: '马骏',
      committeeId: 'cq',
      term: 5,
      sector: '经济界',
      appointedOn: '2018-01-25',
    },
    meta,
  },
  {
    command: 'DeclareLongLeave',
    data: { memberId: 'm-011', from: '2018-12-01', to: '2019-12-31', reason: 'illness' },
    meta,
  },
]
  .map((c) => JSON.stringify(c))
  .join('\n');

/** What the page shows for one number: its text and where it says it comes from. */
interface Shown {
  readonly key: string;
  readonly format: string;
  readonly source: string;
  readonly text: string;
}

interface ReportData {
  readonly histogram: readonly { from: number; to: number; members: number }[];
  readonly actsPerMember: readonly number[];
  readonly nothingRecorded: readonly {
    memberId: string;
    name: string;
    longLeave: readonly { reason: string }[];
  }[];
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
}

/** The number a text shows: digits with separators, a decimal point, an optional percent sign. */
function parseShown(text: string): number {
  const cleaned = text.replace(/,/g, '').trim();
  const n = Number(cleaned.replace(/%$/, ''));
  return cleaned.endsWith('%') ? n / 100 : n;
}

/** How far a shown number may be from the JSON value: half a unit of the last digit shown. */
const TOLERANCE: Readonly<Record<string, number>> = {
  count: 0,
  decimal: 0.05,
  quantile: 0.005,
  percent: 0.0005,
};

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

describe.each(['en', 'zh'] as const)('the HTML annual report (%s) in Debian chromium', (lang) => {
  let temp: ReturnType<typeof tempDir>;
  let userDataDir: string;
  let context: BrowserContext | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium with \`apt-get install -y chromium\` (.ci/run does)`,
      );
    }
    temp = tempDir();
    const store = `sqlite:${join(temp.dir, 'lvzhi.db')}`;
    const recorded = await runCli(['--store', store, 'record', example('sample-2019.jsonl')]);
    expect(recorded.code, recorded.stderr).toBe(0);
    const idle = await runCli(['--store', store, 'record', '-'], { input: IDLE_MEMBERS });
    expect(idle.code, idle.stdout + idle.stderr).toBe(0);
    const file = join(temp.dir, 'report.html');
    const made = await runCli(['--store', store, 'report', '--year', '2019', '--out', file, '--lang', lang]);
    expect(made.code, made.stderr).toBe(0);
    userDataDir = mkdtempSync(join(tmpdir(), 'lvzhi-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1000, height: 900 },
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    temp?.remove();
  });

  const embedded = async <T>(id: string): Promise<T> =>
    JSON.parse((await page.locator(`script#${id}`).textContent()) ?? 'null') as T;

  it('loads without console errors and fetches nothing but itself', async () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:/);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  });

  it('renders every chart as an svg of non-zero size with at least one bar', async () => {
    const charts = await page.locator('svg[data-chart]').evaluateAll((svgs) =>
      svgs.map((svg) => ({
        chart: svg.getAttribute('data-chart'),
        box: svg.getBoundingClientRect().toJSON() as { width: number; height: number },
        bars: [...svg.querySelectorAll('rect, polygon')].filter((s) => {
          const b = s.getBoundingClientRect();
          return b.width > 0 && b.height > 0;
        }).length,
      })),
    );
    expect(charts.map((c) => c.chart).sort()).toEqual([...CHARTS].sort());
    for (const c of charts) {
      expect(c.box.width, c.chart ?? '').toBeGreaterThan(100);
      expect(c.box.height, c.chart ?? '').toBeGreaterThan(20);
      expect(c.bars, c.chart ?? '').toBeGreaterThan(0);
    }
  });

  it('shows numbers equal to the embedded analysis JSON', async () => {
    const analysis = await embedded<AnnualAnalysis>('analysis');
    const data = await embedded<ReportData>('report-data');
    const shown = await page.locator('[data-key]').evaluateAll((els) =>
      els.map((e) => ({
        key: e.getAttribute('data-key') ?? '',
        format: e.getAttribute('data-format') ?? 'count',
        source: e.getAttribute('data-source') ?? 'analysis',
        text: e.textContent ?? '',
      })),
    );
    const keys = new Set(shown.map((s: Shown) => s.key));
    for (const key of [
      'plenary.expected',
      'plenary.present',
      'plenary.turnout',
      'proposals.submitted',
      'proposals.filed',
      'proposals.key',
      'proposals.excellent',
      'proposals.notFiled',
      'proposals.converted',
      'opinions.adoptedByLevel.city',
      'distribution.median',
      'membersWithNothingRecorded.length',
    ])
      expect(keys, key).toContain(key);
    expect(shown.length).toBeGreaterThan(50);
    for (const s of shown as Shown[]) {
      const value = at(s.source === 'report' ? data : analysis, s.key);
      expect(typeof value, `${s.key} in the JSON`).toBe('number');
      const difference = Math.abs(parseShown(s.text) - (value as number));
      expect(difference, `${s.key}: shown "${s.text}", JSON ${String(value)}`).toBeLessThanOrEqual(
        TOLERANCE[s.format]! + 1e-9,
      );
    }
  });

  it('draws the histogram from values whose quartiles are the analysis distribution', async () => {
    const analysis = await embedded<AnnualAnalysis>('analysis');
    const data = await embedded<ReportData>('report-data');
    expect(data.actsPerMember).toHaveLength(analysis.members);
    expect(data.histogram.reduce((n, b) => n + b.members, 0)).toBe(analysis.members);
    const sorted = [...data.actsPerMember].sort((a, b) => a - b);
    expect(analysis.distribution).toEqual({
      min: sorted[0],
      q1: quantile(sorted, 0.25),
      median: quantile(sorted, 0.5),
      q3: quantile(sorted, 0.75),
      max: sorted.at(-1),
    });
  });

  it('lists the members with nothing recorded by name, with the reason of any long leave', async () => {
    const analysis = await embedded<AnnualAnalysis>('analysis');
    const data = await embedded<ReportData>('report-data');
    const table = (await page.locator('section#nothing-recorded').textContent()) ?? '';
    expect(data.nothingRecorded.map((m) => m.memberId)).toEqual(analysis.membersWithNothingRecorded);
    expect(analysis.membersWithNothingRecorded).toEqual(expect.arrayContaining(['m-011', 'm-012']));
    expect(table).toContain(
      lang === 'zh' ? '疾病 2018-12-01 – 2019-12-31' : 'Illness 疾病 2018-12-01 – 2019-12-31',
    );
    for (const m of data.nothingRecorded) {
      expect(table).toContain(m.memberId);
      expect(table).toContain(m.name);
      const leave = analysis.longLeave.filter((l) => l.memberId === m.memberId);
      expect(m.longLeave).toHaveLength(leave.length);
      for (const l of leave) expect(table).toContain(l.from);
    }
  });

  it('is printable and writes a screenshot', async () => {
    mkdirSync(OUT, { recursive: true });
    const path = join(OUT, `report-${lang}.png`);
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: 'print' });
    const background = await page
      .locator('body')
      .evaluate((b) => b.ownerDocument.defaultView?.getComputedStyle(b).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    const widths = await page
      .locator('svg[data-chart]')
      .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(100);
  });
});
