import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AnnualAnalysis } from '@lvzhi/analysis';
import type { MemberArchive } from '@lvzhi/archive';
import {
  type Anomaly,
  type DutyRecordState,
  dutyRecordProjection,
  endOfDateInput,
  type LogFilter,
  liveActs,
  localYear,
  startOfDateInput,
} from '@lvzhi/core';
import type { Evaluation, Policy } from '@lvzhi/evaluation';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import { write } from '../io.ts';
import { formatRows } from '../output/table.ts';
import { chooseCommittee, zoneOf } from '../projections/committees.ts';
import { instantInput, isoOf } from '../projections/instants.ts';
import { caughtUp, type OpenedRecord, replayed, scoped, withRecord } from '../projections/openRecord.ts';
import { collect } from '../projections/reportFormat.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

interface ReplayOptions {
  readonly asOf?: string;
  readonly toPosition?: number;
  readonly occurredBetween?: readonly string[];
  readonly year?: number;
  readonly term?: number;
  readonly committee?: string;
  readonly policy?: readonly string[];
  readonly out?: string;
  readonly format: OutputFormat;
}

/** What was replayed: the filter, the position reached, and each projection's anomalies. */
interface ReplayHead {
  readonly asOf?: string;
  readonly toPosition?: number;
  readonly occurredBetween?: readonly [string, string];
  readonly checkpoint: number;
  readonly committeeId: string;
  readonly year: number;
  readonly term: number | undefined;
  readonly projections: readonly {
    name: string;
    version: number;
    checkpoint: number;
    anomalyCount: number;
    anomalies: readonly Anomaly[];
  }[];
}

/** Every projection as it was at the point replayed to. */
interface Replay {
  readonly head: ReplayHead;
  readonly analysis: AnnualAnalysis;
  readonly archives: ReadonlyMap<string, MemberArchive>;
  readonly evaluations: readonly Evaluation[];
}

const ANOMALIES_IN_HEAD = 20;

/** `lvzhi replay (--as-of ISO | --to-position N)`: every projection as known at an instant or position. */
export function registerReplay(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('replay')
    .description(t.replayDescription)
    .option('--as-of <instant>', t.replayOptAsOf, instantInput)
    .option('--to-position <n>', t.replayOptToPosition, positiveInteger)
    .option('--occurred-between <from-to...>', t.replayOptOccurredBetween, (v: string, p?: string[]) =>
      collect(instantInput(v), p),
    )
    .option('--year <year>', t.replayOptYear, positiveInteger)
    .option('--term <n>', t.replayOptTerm, positiveInteger)
    .option('--committee <id>', t.projOptCommittee)
    .option('--policy <id|file>', t.replayOptPolicy, collect)
    .option('--out <dir>', t.replayOptOut)
    .addOption(formatOption(t))
    .action(async (options: ReplayOptions, command: Command) => {
      const usage = (message: string) => new UsageError(message, message);
      if (options.asOf === undefined && options.toPosition === undefined) throw usage(t.replayNeedsPoint);
      if (options.occurredBetween !== undefined && options.occurredBetween.length !== 2)
        throw usage(t.replayOccurredArgs);
      const policies: Policy[] = [];
      const { choosePolicy, describeProblems } = await import('../projections/policyChoice.ts');
      for (const arg of options.policy ?? []) {
        const choice = choosePolicy(arg, ctx.io.cwd, t);
        if (!choice.ok) {
          await write(ctx.io.stderr, `${t.failurePrefix}${describeProblems(choice, t)}`);
          ctx.setExitCode(ExitCode.rejected);
          return;
        }
        policies.push(choice.policy);
      }
      await withRecord(command, ctx, 'write', async (record) => {
        const replay = await replayRecord(record, options, policies);
        if (options.out !== undefined) {
          const files = await writeReplay(replay, resolve(ctx.io.cwd, options.out));
          if (options.format === 'json') {
            await write(ctx.io.stdout, `${JSON.stringify({ ...replay.head, out: options.out, files })}\n`);
          } else {
            await write(
              ctx.io.stdout,
              `${summary(replay, ctx)}${t.replayWrote(files.length, options.out)}\n`,
            );
          }
        } else if (options.format === 'json') {
          await write(ctx.io.stdout, `${JSON.stringify(wholeReplay(replay))}\n`);
        } else {
          await write(ctx.io.stdout, `${summary(replay, ctx)}${t.replayHint}\n`);
        }
      });
      ctx.setExitCode(ExitCode.ok);
    });
}

async function replayRecord(
  record: OpenedRecord,
  options: ReplayOptions,
  policies: readonly Policy[],
): Promise<Replay> {
  const { t } = record.ctx;
  const index = await caughtUp(record);
  const { state: current } = await scoped(record, index, 'committees');
  const committeeId = chooseCommittee(current, options.committee, t);
  const zone = zoneOf(current, [committeeId], t);
  const asOf = options.asOf === undefined ? undefined : endOfDateInput(options.asOf, zone);
  const [from, to] = options.occurredBetween ?? [];
  const between =
    from === undefined || to === undefined
      ? undefined
      : ([startOfDateInput(from, zone), endOfDateInput(to, zone)] as const);
  if (between && between[1] < between[0]) throw new UsageError(t.replayOccurredOrder, t.replayOccurredOrder);
  const filter: LogFilter = {
    ...(options.toPosition === undefined ? {} : { toPosition: options.toPosition }),
    ...(asOf === undefined ? {} : { recordedAtOrBefore: asOf }),
  };
  // The projection packages are loaded only when replaying (they are not small).
  const [{ annualAnalysis }, { listMembers, memberArchive }, { evaluateRecord }] = await Promise.all([
    import('@lvzhi/analysis'),
    import('@lvzhi/archive'),
    import('../projections/evaluateRecord.ts'),
  ]);
  const { state, checkpoint, anomalies } = await replayed(record, index, filter, between);
  const point = [
    ...(options.toPosition === undefined ? [] : [`#${options.toPosition}`]),
    ...(asOf === undefined ? [] : [isoOf(asOf)]),
  ].join(' ');
  if (!state.committees.includes(committeeId)) throw new Error(t.replayNoCommittee(committeeId, point));
  // The moment of evaluation: the instant replayed to, else when the last event replayed was recorded.
  const now = asOf ?? (await recordedAt(record, checkpoint)) ?? Date.now();
  const year = options.year ?? latestYear(state, zone, now) ?? localYear(now, zone);
  const analysis = annualAnalysis(state, { committeeId, year });
  const term = options.term ?? analysis.terms.at(-1);
  const archives = new Map<string, MemberArchive>();
  const seats = listMembers(state, {
    committeeId,
    ...(options.term === undefined ? {} : { term: options.term }),
  });
  for (const memberId of [...new Set(seats.map((s) => s.memberId))].sort()) {
    const archive = memberArchive(state, {
      memberId,
      committeeId,
      ...(options.term === undefined ? {} : { term: options.term }),
      ...(options.year === undefined ? {} : { year: options.year }),
    });
    if (archive) archives.set(memberId, archive);
  }
  const evaluations = policies.map((policy) =>
    evaluateRecord(
      state,
      policy,
      {
        committeeId,
        ...(policy.period === 'year' ? { year } : { term }),
        now,
        asOf,
      },
      t,
    ),
  );
  const head: ReplayHead = {
    ...(asOf === undefined ? {} : { asOf: isoOf(asOf) }),
    ...(options.toPosition === undefined ? {} : { toPosition: options.toPosition }),
    ...(between === undefined ? {} : { occurredBetween: [isoOf(between[0]), isoOf(between[1])] as const }),
    checkpoint,
    committeeId,
    year,
    term,
    // The duty record folded for the replay (the saved record index is not replayed: it only names streams).
    projections: [
      {
        name: dutyRecordProjection.name,
        version: dutyRecordProjection.version,
        checkpoint,
        anomalyCount: anomalies.length,
        anomalies: anomalies.slice(0, ANOMALIES_IN_HEAD),
      },
    ],
  };
  return { head, analysis, archives, evaluations };
}

/** When the event at a position was recorded (epoch ms). */
async function recordedAt(record: OpenedRecord, position: number): Promise<number | undefined> {
  if (position < 1) return undefined;
  for await (const event of record.store.readAll({ after: position - 1, to: position })) {
    return Date.parse(event.metadata.recordedAt);
  }
  return undefined;
}

/** The latest calendar year in which a live act of the record occurred, up to `now`. */
function latestYear(state: DutyRecordState, zone: string, now: number): number | undefined {
  let latest: number | undefined;
  for (const act of liveActs(state, Object.keys(state.acts))) {
    const at = typeof act.data.occurredAt === 'string' ? Date.parse(act.data.occurredAt) : Number.NaN;
    if (Number.isFinite(at) && at <= now && (latest === undefined || at > latest)) latest = at;
  }
  return latest === undefined ? undefined : localYear(latest, zone);
}

function wholeReplay(replay: Replay) {
  return {
    ...replay.head,
    analysis: replay.analysis,
    archives: Object.fromEntries(replay.archives),
    evaluations: Object.fromEntries(replay.evaluations.map((e) => [e.policy.id, e])),
  };
}

/** A file name for an id: anything but letters, digits, `.`, `_` and `-` percent-encoded. */
const fileName = (id: string) =>
  id.replace(/[^\p{L}\p{N}._-]/gu, (c) => encodeURIComponent(c)).replace(/^\./, '%2E');

/** Writes one JSON file per projection; returns the paths written, relative to `dir`. */
async function writeReplay(replay: Replay, dir: string): Promise<string[]> {
  const files: [string, unknown][] = [
    ['replay.json', replay.head],
    ['analysis.json', replay.analysis],
    ...[...replay.archives].map(([id, archive]): [string, unknown] => [
      `archives/${fileName(id)}.json`,
      archive,
    ]),
    ...replay.evaluations.map((e): [string, unknown] => [`evaluation-${fileName(e.policy.id)}.json`, e]),
  ];
  await mkdir(join(dir, 'archives'), { recursive: true });
  for (const [path, value] of files) await writeFile(join(dir, path), `${JSON.stringify(value, null, 2)}\n`);
  return files.map(([path]) => path);
}

/** The replay in a few lines for people. */
function summary(replay: Replay, { t }: CommandContext): string {
  const { head, analysis } = replay;
  const r = t.replayRows;
  const rows: string[][] = [[r.position, String(head.checkpoint)]];
  if (head.asOf) rows.push([r.asOf, head.asOf]);
  if (head.occurredBetween)
    rows.push([r.occurred, `${head.occurredBetween[0]} – ${head.occurredBetween[1]}`]);
  rows.push(
    [r.committee, `${analysis.committeeName} (${head.committeeId})`],
    [r.year, String(head.year)],
    [r.members, String(analysis.members)],
    [r.proposals, `${analysis.proposals.submitted} / ${analysis.proposals.filed}`],
    [r.opinions, `${analysis.opinions.submitted} / ${analysis.opinions.adopted}`],
    [
      r.turnout,
      analysis.plenary.turnout === null ? t.noValue : `${(analysis.plenary.turnout * 100).toFixed(1)}%`,
    ],
    [r.anomalies, String(head.projections.reduce((n, p) => n + p.anomalyCount, 0))],
  );
  for (const e of replay.evaluations) {
    const grades = new Map<string, number>();
    for (const m of e.results) if (m.grade !== null) grades.set(m.grade, (grades.get(m.grade) ?? 0) + 1);
    const flags = e.results.reduce((n, m) => n + m.flags.length, 0);
    const gradeText = [...grades].map(([g, n]) => `${g} ${n}`).join(', ');
    rows.push([r.evaluation(e.policy.id), t.replayEvaluationValue(e.results.length, gradeText, flags)]);
  }
  return formatRows(rows, []);
}
