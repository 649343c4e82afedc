import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { formatRows } from '../output/table.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';

/** `lvzhi policies`: the published evaluation schemes shipped as presets. */
export function registerPolicies(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('policies')
    .description(t.policiesDescription)
    .addOption(formatOption(t))
    .action(async (options: { format: OutputFormat }) => {
      const { listPresets } = await import('@lvzhi/evaluation');
      const presets = listPresets();
      if (options.format === 'json') {
        await write(ctx.io.stdout, `${JSON.stringify({ policies: presets })}\n`);
      } else {
        const rows = presets.map((p) => [
          p.id,
          p.version,
          t.policiesPeriod(p.period),
          p.title[ctx.lang],
          p.description[ctx.lang],
        ]);
        await write(ctx.io.stdout, formatRows([t.policiesHeaders, ...rows], []));
      }
      ctx.setExitCode(ExitCode.ok);
    });
}
