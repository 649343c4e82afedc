/** Exit codes of every `lvzhi` command. */
export const ExitCode = {
  /** Success: every line accepted, the chain intact. */
  ok: 0,
  /** Rejected input, a broken chain, or a failure while running. */
  rejected: 1,
  /** Usage error: unknown option or command, a missing file, an unknown store scheme. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A mistake in how the command was called: reported with a hint and exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The same in Chinese, when the thrower knows no language preference. */
  readonly messageZh: string;

  constructor(message: string, messageZh: string = message) {
    super(message);
    this.messageZh = messageZh;
  }
}
