import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { CommandHandler, type DutyRecordState, sealLog, verifyLog } from '@lvzhi/core';
import type { CommitteeBatch, PlannedCorrection } from '@lvzhi/sample-data';
import type { SqliteEventStore } from '@lvzhi/store-sqlite';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import type { Messages } from '../i18n/messages.ts';
import { write } from '../io.ts';
import type { InputLine } from '../record/jsonLines.ts';
import { recordProgress } from '../record/progress.ts';
import { type LineTag, type RecordSummary, recordLines } from '../record/recordLines.ts';
import { positiveInteger } from './positiveInteger.ts';

interface DemoOptions {
  readonly out: string;
  readonly scale?: boolean;
  readonly seed: number;
}

/** The `source` of every event the demo records: how a later run knows the file is its own. */
const DEMO_SOURCE = 'lvzhi-demo';
const YEAR = 2019;
const POLICY = 'tongcheng-2019';
/** Progress units per committee (the bar shows committees done, not bytes). */
const UNIT = 1_000_000;

/** `lvzhi demo`: the sample Chongqing year, recorded, analysed, evaluated, sealed and reported. */
export function registerDemo(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('demo')
    .description(t.demoDescription)
    .option('--out <dir>', t.demoOptOut, './lvzhi-demo')
    .option('--scale', t.demoOptScale)
    .option('--seed <n>', t.demoOptSeed, positiveInteger, 2019)
    .action(async (options: DemoOptions) => {
      ctx.setExitCode(await demo(options, ctx));
    });
}

/** What the demo needs beyond `record`, loaded when it runs (so other commands start fast). */
async function load() {
  const [sample, evaluation, sqlite, tables, report, record, summary, html] = await Promise.all([
    import('@lvzhi/sample-data'),
    import('@lvzhi/evaluation'),
    import('@lvzhi/store-sqlite'),
    import('../report/analysisTables.ts'),
    import('../report/annualReport.ts'),
    import('../report/dutyRecordState.ts'),
    import('../report/evaluationSummary.ts'),
    import('../report/htmlReport.ts'),
  ]);
  return { ...sample, ...evaluation, ...sqlite, ...tables, ...report, ...record, ...summary, ...html };
}

async function demo(options: DemoOptions, ctx: CommandContext): Promise<ExitCode> {
  const { io, t, lang } = ctx;
  const started = performance.now();
  const {
    CHONGQING_CITY,
    SqliteEventStore,
    analysisTables,
    annualReport,
    dutyRecordOf,
    evaluate,
    evaluationSummary,
    generateSample,
    htmlReport,
    loadPolicy,
  } = await load();
  const say = (text: string) => write(io.stdout, `${text}\n`);
  const dir = resolve(io.cwd, options.out);
  const dbPath = join(dir, 'lvzhi.db');
  const reportPath = join(dir, `report-${YEAR}.html`);
  const shown = (path: string) => {
    const rel = relative(io.cwd, path);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  };
  if (!existsSync(dir)) {
    // A directory of its own: keep it out of version control, as a virtual environment does.
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.gitignore'), '# written by lvzhi demo\n*\n');
  }
  if (existsSync(dbPath)) {
    if (!(await isDemoStore(SqliteEventStore, dbPath)))
      throw new UsageError(t.demoRefuse(shown(dbPath)), t.demoRefuse(shown(dbPath)));
    for (const suffix of ['', '-wal', '-shm']) await rm(`${dbPath}${suffix}`, { force: true });
    await say(t.demoRemovedOld(shown(dbPath)));
  }
  await say(t.demoGenerating(options.seed, options.scale === true, shown(dbPath)));
  const store = SqliteEventStore.open(dbPath);
  try {
    const handler = new CommandHandler<LineTag>(store);
    const committees = options.scale ? 39 : 1;
    const planned: PlannedCorrection[] = [];
    const batches = generateSample({ seed: options.seed, years: [YEAR], scale: options.scale === true });
    let step = performance.now();
    const recorded = await record(
      sampleLines(batches, committees, planned),
      handler,
      committees,
      ctx,
      DEMO_SOURCE,
    );
    await say(`${t.summary(recorded)} ${seconds(step)}`);

    step = performance.now();
    const before = await dutyRecordOf(store, { writable: true });
    const corrections = resolveCorrections(before.state, planned);
    const corrected = await record(corrections.lines, handler, 0, ctx, `${DEMO_SOURCE}-corrections`);
    for (const miss of corrections.missing) await say(t.demoCorrectionMissing(miss));
    const { state, runtime } = await dutyRecordOf(store, { writable: true });
    await say(`${t.demoCorrected(corrected.recorded, planned.length)} ${seconds(step)}`);
    const [status] = await runtime.status();
    await say(`${t.demoProjected(status?.checkpoint ?? 0, status?.anomalies.length ?? 0)} ${seconds(step)}`);

    step = performance.now();
    const cq = CHONGQING_CITY.committeeId;
    const report = annualReport(state, { year: YEAR, committeeIds: [cq] });
    await say(`\n${t.demoAnalysisHeading(CHONGQING_CITY.name, YEAR)} ${seconds(step)}\n`);
    await say(analysisTables(report, lang));

    step = performance.now();
    const policy = loadPolicy(POLICY);
    if (!policy.ok) throw new Error(`preset ${POLICY}: ${JSON.stringify(policy.error)}`);
    const evaluation = evaluate(state, { policy: policy.value, committeeId: cq, year: YEAR });
    await say(`${evaluationSummary(evaluation, policy.value, t, lang)}  ${seconds(step)}\n`);

    step = performance.now();
    const seal = await sealLog(store, { sealedBy: 'lvzhi demo' });
    await say(
      t.sealed(seal.data.streamCount, seal.data.eventCount, seal.data.position, seal.data.merkleRoot),
    );
    const verified = await verifyLog(store);
    await say(
      `${verified.ok ? t.verifyIntact(verified.streams, verified.events) : t.verifyBroken(verified.findings.length)} ${seconds(step)}`,
    );

    await writeFile(reportPath, htmlReport(report, { lang, generatedAt: new Date().toISOString() }));
    const member = exampleMember(
      planned,
      report.nothingRecorded.map((m) => m.memberId),
      state,
    );
    await say(
      nextSteps(t, { db: shown(dbPath), report: shown(reportPath), member, via: io.env.npm_lifecycle_event }),
    );
    await say(t.demoDone((performance.now() - started) / 1000));
    return recorded.rejected === 0 && corrected.rejected === 0 && verified.ok
      ? ExitCode.ok
      : ExitCode.rejected;
  } finally {
    await store.close();
  }
}

const seconds = (since: number) => `(${((performance.now() - since) / 1000).toFixed(1)} s)`;

/** True when the file is a store this command wrote (its first event came from the demo), or empty. */
async function isDemoStore(sqlite: typeof SqliteEventStore, path: string): Promise<boolean> {
  let store: SqliteEventStore | undefined;
  try {
    store = sqlite.open(path, { readonly: true });
    for await (const event of store.readAll({ batchSize: 1 })) {
      return event.metadata.source?.startsWith(`${DEMO_SOURCE}:`) === true;
    }
    return true;
  } catch {
    return false;
  } finally {
    await store?.close();
  }
}

/**
 * The sample as numbered record-format lines, committee by committee; `bytesRead` counts committees done (in
 * units) so the bar shows a percentage without generating everything first. Collects the planned corrections.
 */
async function* sampleLines(
  batches: Iterable<CommitteeBatch>,
  committees: number,
  planned: PlannedCorrection[],
): AsyncGenerator<InputLine> {
  let number = 0;
  let k = 0;
  for (const batch of batches) {
    const n = batch.commands.length;
    for (let i = 0; i < n; i++) {
      number += 1;
      const bytesRead = Math.round((k + (i + 1) / n) * UNIT);
      yield {
        number,
        text: JSON.stringify(batch.commands[i]),
        bytesRead: Math.min(bytesRead, committees * UNIT),
      };
    }
    planned.push(...batch.corrections);
    k += 1;
  }
}

/** Records lines through the same path as `lvzhi record`: decide each, flush every 1,000, a bar on a terminal. */
async function record(
  lines: AsyncIterable<InputLine>,
  handler: CommandHandler<LineTag>,
  committees: number,
  ctx: CommandContext,
  source: string,
): Promise<RecordSummary> {
  const progress = recordProgress(ctx.io, ctx.t, committees > 0 ? committees * UNIT : undefined);
  try {
    return await recordLines(lines, handler, {
      source,
      batchSize: 1000,
      onProgress: (p) => progress.update(p),
      onRejected: (r) =>
        progress.print(
          `  ${ctx.t.rejectedLine(r.line)} · ${r.command ?? ctx.t.noValue} · ${r.reason.code}: ${
            ctx.lang === 'zh' ? r.reason.messageZh : r.reason.message
          }\n`,
        ),
    });
  } finally {
    progress.stop();
  }
}

/** The planned corrections as record lines, each naming the event it corrects (found by type and data). */
function resolveCorrections(
  state: DutyRecordState,
  planned: readonly PlannedCorrection[],
): { lines: AsyncIterable<InputLine>; missing: string[] } {
  const missing: string[] = [];
  const texts: string[] = [];
  const acts = Object.values(state.acts);
  for (const c of planned) {
    const target = acts.find(
      (a) =>
        a.type === c.target.type &&
        !a.retraction &&
        Object.entries(c.target.match).every(([k, v]) => a.data[k] === v),
    );
    if (!target) {
      missing.push(`${c.target.type} ${JSON.stringify(c.target.match)}`);
      continue;
    }
    texts.push(
      JSON.stringify({ command: c.command, data: { eventId: target.eventId, ...c.data }, meta: c.meta }),
    );
  }
  async function* lines(): AsyncGenerator<InputLine> {
    let bytesRead = 0;
    for (const [i, text] of texts.entries()) {
      bytesRead += text.length + 1;
      yield { number: i + 1, text, bytesRead };
    }
  }
  return { lines: lines(), missing };
}

/** A member worth opening: one whose attendance was corrected, else the first member with acts. */
function exampleMember(
  planned: readonly PlannedCorrection[],
  idle: readonly string[],
  state: DutyRecordState,
): string {
  const corrected = planned.find((c) => c.target.type === 'AttendanceRecorded')?.target.match.memberId;
  if (typeof corrected === 'string') return corrected;
  return Object.keys(state.byMember).find((id) => !idle.includes(id)) ?? 'MEMBER';
}

function nextSteps(
  t: Messages,
  p: {
    readonly db: string;
    readonly report: string;
    readonly member: string;
    readonly via: string | undefined;
  },
): string {
  const store = `--store sqlite:${p.db}`;
  const commands: [string, string][] = [
    [`lvzhi archive ${p.member} ${store}`, t.demoTryArchive],
    [`lvzhi evaluate --policy ${POLICY} --year ${YEAR} ${store}`, t.demoTryEvaluate],
    [`lvzhi analysis --year ${YEAR} ${store}`, t.demoTryAnalysis],
    [
      `lvzhi report --year ${YEAR} --lang en --out ${p.report.replace(/\.html$/, '.en.html')} ${store}`,
      t.demoTryReport,
    ],
    [`lvzhi audit verify ${store}`, t.demoTryVerify],
  ];
  return [
    '',
    t.demoFilesHeading,
    `  ${t.demoFileStore}  ${p.db}`,
    `  ${t.demoFileReport}  ${p.report}`,
    '',
    t.demoTryHeading,
    ...commands.flatMap(([c, why]) => [`  # ${why}`, `  ${c}`]),
    ...(p.via === 'lvzhi' ? [`  ${t.demoViaPnpm}`] : []),
    '',
  ].join('\n');
}
