import type { Command } from 'commander';
import { type StreamBreak, verifyChains } from '../audit/verifyChains.ts';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { messages } from '../i18n/messages.ts';
import { write } from '../io.ts';
import { openStore } from '../stores/storeUrl.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';

/** `lvzhi audit …`: checks of the tamper-evident log. */
export function registerAudit(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const audit = program.command('audit').description(t.auditDescription);
  audit
    .command('verify')
    .description(t.verifyDescription)
    .addOption(formatOption(t))
    .action(async (options: { format: OutputFormat }, command: Command) => {
      const store = await openStore(globalOptions(command).store, { cwd: ctx.io.cwd, readOnly: true });
      try {
        ctx.setExitCode(await verify(store, options.format, ctx));
      } finally {
        await store.close();
      }
    });
}

async function verify(
  store: Parameters<typeof verifyChains>[0],
  format: OutputFormat,
  ctx: CommandContext,
): Promise<ExitCode> {
  const { io, t } = ctx;
  const report = await verifyChains(store);
  const intact = report.breaks.length === 0;
  if (format === 'json') {
    const breaks = report.breaks.map((b) => ({
      ...b,
      message: describe(b, 'en'),
      messageZh: describe(b, 'zh'),
    }));
    await write(
      io.stdout,
      `${JSON.stringify({ intact, streams: report.streams, events: report.events, breaks })}\n`,
    );
  } else if (intact) {
    await write(io.stdout, `${t.verifyIntact(report.streams, report.events)}\n`);
  } else {
    const lines = report.breaks.map((b) => `  ${describe(b, ctx.lang)}\n`).join('');
    await write(io.stdout, `${t.verifyBroken(report.breaks.length)}\n${lines}`);
  }
  return intact ? ExitCode.ok : ExitCode.rejected;
}

function describe(b: StreamBreak, lang: 'zh' | 'en'): string {
  const t = messages(lang);
  const why = t.breakKinds[b.kind] ?? b.kind;
  const colon = lang === 'zh' ? '：' : ': ';
  return `${t.breakWhere(b)}${colon}${b.kind}${colon}${why}${b.detail ? ` (${b.detail})` : ''}`;
}
