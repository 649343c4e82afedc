import cliProgress from 'cli-progress';
import type { Messages } from '../i18n/messages.ts';
import type { CliIo } from '../io.ts';
import { write } from '../io.ts';

/** A progress display for `lvzhi record`: a bar on a terminal, nothing otherwise. */
export interface RecordProgress {
  update(progress: { readonly lines: number; readonly bytesRead: number }): void;
  /** Prints a line of the report without tearing the bar. */
  print(text: string): Promise<void>;
  stop(): void;
}

/** Whether to draw a progress bar: stderr is a terminal and `CI` is not set. */
export function wantsProgress(io: CliIo): boolean {
  return io.stderr.isTTY === true && !io.env.CI;
}

/** The progress bar on stderr (lines and lines/s; a percentage when the input's size is known), or a quiet one. */
export function recordProgress(io: CliIo, t: Messages, totalBytes: number | undefined): RecordProgress {
  if (!wantsProgress(io)) {
    return { update: () => {}, print: (text) => write(io.stdout, text), stop: () => {} };
  }
  const started = performance.now();
  const multibar = new cliProgress.MultiBar(
    {
      stream: io.stderr,
      format: totalBytes ? t.progressFormat : t.progressFormatNoTotal,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = multibar.create(totalBytes ?? 0, 0, { lines: 0, rate: 0 });
  const stdoutIsTerminal = (io.stdout as { isTTY?: boolean }).isTTY === true;
  return {
    update: ({ lines, bytesRead }) => {
      const seconds = (performance.now() - started) / 1000;
      bar.update(Math.min(bytesRead, totalBytes ?? bytesRead), {
        lines,
        rate: seconds > 0 ? Math.round(lines / seconds) : 0,
      });
    },
    print: async (text) => {
      if (stdoutIsTerminal) multibar.log(text);
      else await write(io.stdout, text);
    },
    stop: () => multibar.stop(),
  };
}
