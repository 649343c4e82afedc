import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { DutyRecordState } from '@lvzhi/core';
import type { Command } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode, UsageError } from '../exitCodes.ts';
import type { Messages } from '../i18n/messages.ts';
import { write } from '../io.ts';
import { openStore } from '../stores/storeUrl.ts';
import { positiveInteger } from './positiveInteger.ts';

interface ReportOptions {
  readonly year: number;
  readonly committee?: string[];
  readonly out: string;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** `lvzhi report --year Y [--committee C]… --out FILE.html`: the annual report as a self-contained page. */
export function registerReport(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('report')
    .description(t.reportDescription)
    .requiredOption('--year <year>', t.reportOptYear, positiveInteger)
    .option('--committee <id>', t.reportOptCommittee, collect)
    .requiredOption('--out <file>', t.reportOptOut)
    .action(async (options: ReportOptions, command: Command) => {
      const { store: url, lang } = globalOptions(command);
      const out = resolve(ctx.io.cwd, options.out);
      const store = await openStore(url, { cwd: ctx.io.cwd, readOnly: true });
      try {
        const [{ annualReport }, { dutyRecordOf }, { htmlReport }] = await Promise.all([
          import('../report/annualReport.ts'),
          import('../report/dutyRecordState.ts'),
          import('../report/htmlReport.ts'),
        ]);
        const { state } = await dutyRecordOf(store, { writable: false });
        const committeeIds = chooseCommittees(state, options.committee, t);
        const report = annualReport(state, { year: options.year, committeeIds });
        const html = htmlReport(report, { lang, generatedAt: new Date().toISOString() });
        await mkdir(dirname(out), { recursive: true });
        await writeFile(out, html);
        if (report.analysis.members === 0)
          await write(ctx.io.stderr, `${t.reportNobodySeated(options.year)}\n`);
        await write(
          ctx.io.stdout,
          `${t.reportWritten(options.out, committeeIds, options.year, Buffer.byteLength(html))}\n`,
        );
        ctx.setExitCode(ExitCode.ok);
      } finally {
        await store.close();
      }
    });
}

/** The committees named (each must be recorded), else every committee of the record. */
export function chooseCommittees(
  state: DutyRecordState,
  requested: readonly string[] | undefined,
  t: Messages,
): string[] {
  const known = state.committees;
  if (known.length === 0) throw new UsageError(t.reportNoCommittee, t.reportNoCommittee);
  if (requested === undefined || requested.length === 0) return [...known];
  for (const id of requested) {
    if (!known.includes(id)) {
      const message = t.reportUnknownCommittee(id, known);
      throw new UsageError(message, message);
    }
  }
  return [...new Set(requested)];
}
