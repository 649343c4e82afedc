import type { Command } from 'commander';
import type { ExitCode } from './exitCodes.ts';
import type { Lang } from './i18n/lang.ts';
import type { Messages } from './i18n/messages.ts';
import type { CliIo } from './io.ts';

/** What every command's action gets: the I/O, the language of messages, and a way to set the exit code. */
export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly t: Messages;
  setExitCode(code: ExitCode): void;
}

/** The global options, as every command sees them. */
export interface GlobalOptions {
  readonly store: string;
  readonly lang: Lang;
}

/** Reads the global options from within a command's action. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}
