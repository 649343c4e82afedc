import { type AuditFinding, CorruptEventError, type EventStore, sealLog, verifyLog } from '@lvzhi/core';
import type { Command } from 'commander';
import { type CommandContext, globalOptions } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { openStore } from '../stores/storeUrl.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';

/** `lvzhi audit verify` and `lvzhi audit seal`: the tamper-evident log. */
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
  audit
    .command('seal')
    .description(t.sealDescription)
    .requiredOption('--by <name>', t.sealBy)
    .addOption(formatOption(t))
    .action(async (options: { by: string; format: OutputFormat }, command: Command) => {
      const store = await openStore(globalOptions(command).store, { cwd: ctx.io.cwd });
      try {
        const seal = await sealLog(store, { sealedBy: options.by });
        const { heads: _heads, ...summary } = seal.data;
        if (options.format === 'json') {
          await write(
            ctx.io.stdout,
            `${JSON.stringify({ eventId: seal.eventId, globalPosition: seal.globalPosition, ...summary })}\n`,
          );
        } else {
          await write(
            ctx.io.stdout,
            `${t.sealed(summary.streamCount, summary.eventCount, summary.position, summary.merkleRoot)}\n`,
          );
        }
        ctx.setExitCode(ExitCode.ok);
      } finally {
        await store.close();
      }
    });
}

async function verify(store: EventStore, format: OutputFormat, ctx: CommandContext): Promise<ExitCode> {
  const { io, t, lang } = ctx;
  let report: Awaited<ReturnType<typeof verifyLog>>;
  try {
    report = await verifyLog(store);
  } catch (error) {
    if (!(error instanceof CorruptEventError)) throw error;
    const finding = {
      kind: 'corrupt-event',
      globalPosition: error.position,
      message: `the stored event cannot be decoded: ${error.message}`,
      messageZh: `存储的记录无法解码：${error.message}`,
    };
    if (format === 'json')
      await write(io.stdout, `${JSON.stringify({ intact: false, findings: [finding] })}\n`);
    else
      await write(
        io.stdout,
        `${t.verifyBroken(1)}\n  ${lang === 'zh' ? finding.messageZh : finding.message}\n`,
      );
    return ExitCode.rejected;
  }
  const { ok, findings, ...rest } = report;
  if (format === 'json') {
    await write(io.stdout, `${JSON.stringify({ intact: ok, ...rest, findings })}\n`);
  } else if (ok) {
    await write(io.stdout, `${t.verifyIntact(report.streams, report.events)}\n`);
    if (report.seal)
      await write(io.stdout, `${t.verifySeal(report.seal.position, report.seal.occurredAt)}\n`);
  } else {
    const lines = findings.map((f) => `  ${describe(f, ctx)}\n`).join('');
    await write(io.stdout, `${t.verifyBroken(findings.length)}\n${lines}`);
  }
  return ok ? ExitCode.ok : ExitCode.rejected;
}

function describe(f: AuditFinding, { t, lang }: CommandContext): string {
  const colon = lang === 'zh' ? '：' : ': ';
  return `${t.findingWhere(f)}${colon}${f.kind}${colon}${lang === 'zh' ? f.messageZh : f.message}`;
}
