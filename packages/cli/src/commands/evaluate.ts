import { endOfDateInput } from '@lvzhi/core';
import type { Evaluation, Policy } from '@lvzhi/evaluation';
import { type Command, Option } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { chooseCommittee, zoneOf } from '../projections/committees.ts';
import { instantInput } from '../projections/instants.ts';
import { caughtUp, scoped, scopedAsOf, withRecord } from '../projections/openRecord.ts';
import { type ReportFormat, reportFormatOption } from '../projections/reportFormat.ts';
import { positiveInteger } from './positiveInteger.ts';

interface EvaluateOptions {
  readonly policy: string;
  readonly year?: number;
  readonly term?: number;
  readonly committee?: string;
  readonly asOf?: string;
  readonly format: ReportFormat;
  readonly layout: 'members' | 'items';
}

/** `lvzhi evaluate --policy ID|FILE (--year Y | --term N)`: evaluation inputs under a policy. */
export function registerEvaluate(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('evaluate')
    .description(t.evaluateDescription)
    .requiredOption('--policy <id|file>', t.evaluateOptPolicy)
    .option('--year <year>', t.evaluateOptYear, positiveInteger)
    .option('--term <n>', t.evaluateOptTerm, positiveInteger)
    .option('--committee <id>', t.projOptCommittee)
    .option('--as-of <instant>', t.projOptAsOf, instantInput)
    .addOption(reportFormatOption(t, ['md', 'json', 'csv']))
    .addOption(
      new Option('--layout <layout>', t.evaluateOptLayout).choices(['members', 'items']).default('members'),
    )
    .action(async (options: EvaluateOptions, command: Command) => {
      // The evaluation package is loaded only when evaluating (it is not small).
      const { choosePolicy, describeProblems } = await import('../projections/policyChoice.ts');
      const { checkPeriod, evaluateRecord } = await import('../projections/evaluateRecord.ts');
      const choice = choosePolicy(options.policy, ctx.io.cwd, t);
      if (!choice.ok) {
        if (options.format === 'json') {
          const report = { policy: choice.file, problems: choice.problems };
          await write(ctx.io.stdout, `${JSON.stringify(report)}\n`);
        } else {
          await write(ctx.io.stderr, `${t.failurePrefix}${describeProblems(choice, t)}`);
        }
        ctx.setExitCode(ExitCode.rejected);
        return;
      }
      const { policy } = choice;
      checkPeriod(policy, options.year, options.term, t);
      await withRecord(command, ctx, 'write', async (record) => {
        const index = await caughtUp(record);
        const { state: frame } = await scoped(record, index, 'committees');
        const committeeId = chooseCommittee(frame, options.committee, t);
        const asOf =
          options.asOf === undefined
            ? undefined
            : endOfDateInput(options.asOf, zoneOf(frame, [committeeId], t));
        const state = await scopedAsOf(record, index, { committeeId }, asOf);
        const evaluation = evaluateRecord(
          state,
          policy,
          { committeeId, year: options.year, term: options.term, now: asOf ?? Date.now(), asOf },
          t,
        );
        await print(evaluation, policy, options, ctx);
      });
      ctx.setExitCode(ExitCode.ok);
    });
}

async function print(
  evaluation: Evaluation,
  policy: Policy,
  options: EvaluateOptions,
  { io, lang }: CommandContext,
): Promise<void> {
  const { evaluationToCsv, evaluationToMarkdown } = await import('@lvzhi/evaluation');
  if (options.format === 'json') await write(io.stdout, `${JSON.stringify(evaluation)}\n`);
  else if (options.format === 'csv')
    await write(io.stdout, evaluationToCsv(evaluation, { layout: options.layout }));
  else await write(io.stdout, evaluationToMarkdown(evaluation, policy, lang));
}
