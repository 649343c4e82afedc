import type { AnnualAnalysis, RollUpAnalysis } from '@lvzhi/analysis';
import { type DutyRecordState, endOfDateInput } from '@lvzhi/core';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { chooseCommittees, zoneOf } from '../projections/committees.ts';
import { instantInput, isoOf } from '../projections/instants.ts';
import { caughtUp, scoped, scopedAsOf, withRecord } from '../projections/openRecord.ts';
import { collect, type ReportFormat, reportFormatOption, withNote } from '../projections/reportFormat.ts';
import { positiveInteger } from './positiveInteger.ts';

interface AnalysisOptions {
  readonly year: number;
  readonly committee?: readonly string[];
  readonly asOf?: string;
  readonly format: ReportFormat;
}

/** The analysis package, loaded when a command needs it (it is not small). */
type AnalysisModule = typeof import('@lvzhi/analysis');

/** `lvzhi analysis --year Y`: the annual overall analysis of a committee, or a roll-up of several. */
export function registerAnalysis(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('analysis')
    .description(t.analysisDescription)
    .requiredOption('--year <year>', t.analysisOptYear, positiveInteger)
    .option('--committee <id>', t.analysisOptCommittee, collect)
    .option('--as-of <instant>', t.projOptAsOf, instantInput)
    .addOption(reportFormatOption(t, ['md', 'json', 'csv']))
    .action(async (options: AnalysisOptions, command: Command) => {
      await withRecord(command, ctx, 'write', async (record) => {
        const module = await import('@lvzhi/analysis');
        const index = await caughtUp(record);
        const { state: frame } = await scoped(record, index, 'committees');
        const committeeIds = chooseCommittees(frame, options.committee, t);
        const asOfMs =
          options.asOf === undefined
            ? undefined
            : endOfDateInput(options.asOf, zoneOf(frame, committeeIds, t));
        const scope = committeeIds.length === 1 ? { committeeId: committeeIds[0]! } : 'all';
        const state = await scopedAsOf(record, index, scope, asOfMs);
        const analysis = analyse(module, state, committeeIds, options.year, ctx);
        const asOf = asOfMs === undefined ? undefined : isoOf(asOfMs);
        await print(module, analysis, options.format, asOf, ctx);
      });
      ctx.setExitCode(ExitCode.ok);
    });
}

/** The analysis of one committee, or the roll-up of several; a committee unknown at the instant is an error. */
function analyse(
  { annualAnalysis, rollUp }: AnalysisModule,
  state: DutyRecordState,
  committeeIds: readonly string[],
  year: number,
  { t }: CommandContext,
): AnnualAnalysis | RollUpAnalysis {
  for (const id of committeeIds) {
    if (!state.committees.includes(id)) throw new Error(t.projUnknownCommittee(id, state.committees));
  }
  return committeeIds.length === 1
    ? annualAnalysis(state, { committeeId: committeeIds[0]!, year })
    : rollUp(state, { committeeIds, year });
}

async function print(
  { analysisToCsv, analysisToMarkdown }: AnalysisModule,
  analysis: AnnualAnalysis | RollUpAnalysis,
  format: ReportFormat,
  asOf: string | undefined,
  { io, lang, t }: CommandContext,
): Promise<void> {
  if (format === 'json') {
    await write(io.stdout, `${JSON.stringify(asOf === undefined ? analysis : { ...analysis, asOf })}\n`);
  } else if (format === 'csv') {
    await write(io.stdout, analysisToCsv(analysis));
  } else {
    const text = analysisToMarkdown(analysis, lang);
    await write(io.stdout, asOf === undefined ? text : withNote(text, t.projAsOfNote(asOf)));
  }
}
