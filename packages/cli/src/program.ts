import { Command, CommanderError, Option } from 'commander';
import { registerAnalysis } from './commands/analysis.ts';
import { registerArchive, registerMembers } from './commands/archive.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCopy } from './commands/copy.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEvaluate } from './commands/evaluate.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerLog } from './commands/log.ts';
import { registerPolicies } from './commands/policies.ts';
import { registerProjections } from './commands/projections.ts';
import { registerRecord } from './commands/record.ts';
import { registerReplay } from './commands/replay.ts';
import { registerReport } from './commands/report.ts';
import { registerServe } from './commands/serve.ts';
import type { CommandContext } from './context.ts';
import { ExitCode, UsageError } from './exitCodes.ts';
import { LANGS, langFromArgs, langFromEnv } from './i18n/lang.ts';
import { messages } from './i18n/messages.ts';
import { type CliIo, processIo, write } from './io.ts';
import { AtomicRecordInterrupted } from './record/guardedStore.ts';
import { DEFAULT_STORE_URL } from './stores/storeUrl.ts';

/** Exit codes commander reports for help and version: not errors. */
const NOT_ERRORS = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Runs the `lvzhi` command with its arguments (without `node` and the script) and returns the exit code:
 * 0 success, 1 rejected input or a failure, 2 a usage error.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const lang = langFromArgs(argv) ?? langFromEnv(io.env);
  const t = messages(lang);
  let exitCode: number = ExitCode.ok;
  const ctx: CommandContext = {
    io,
    lang,
    t,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = new Command('lvzhi')
    .description(t.program)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .configureHelp({ styleTitle: (title) => t.titles[title] ?? title, showGlobalOptions: true })
    .showHelpAfterError(t.seeHelp)
    .helpOption('-h, --help', t.optHelp)
    .helpCommand('help [command]', t.helpCommand)
    .option('--store <url>', t.optStore, io.env.LVZHI_STORE || DEFAULT_STORE_URL)
    .addOption(new Option('--lang <lang>', t.optLang).choices(LANGS).default(lang));
  registerRecord(program, ctx);
  registerLog(program, ctx);
  registerAudit(program, ctx);
  registerExport(program, ctx);
  registerImport(program, ctx);
  registerCopy(program, ctx);
  registerDemo(program, ctx);
  registerReport(program, ctx);
  registerProjections(program, ctx);
  registerMembers(program, ctx);
  registerArchive(program, ctx);
  registerAnalysis(program, ctx);
  registerPolicies(program, ctx);
  registerEvaluate(program, ctx);
  registerReplay(program, ctx);
  registerServe(program, ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return NOT_ERRORS.has(error.code) ? ExitCode.ok : ExitCode.usage;
    if (error instanceof UsageError) {
      const message = lang === 'zh' ? error.messageZh : error.message;
      await write(io.stderr, `${t.usagePrefix}${message}\n${t.seeHelp}\n`);
      return ExitCode.usage;
    }
    if (error instanceof AtomicRecordInterrupted) {
      await write(io.stderr, `${t.failurePrefix}${t.atomicInterrupted}\n`);
      return ExitCode.rejected;
    }
    await write(io.stderr, `${t.failurePrefix}${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.LVZHI_DEBUG && error instanceof Error && error.stack)
      await write(io.stderr, `${error.stack}\n`);
    return ExitCode.rejected;
  }
}
