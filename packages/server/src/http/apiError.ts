import { z } from 'zod';

/** The body of every error response: a stable code and the message in English and Chinese. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageZh: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The status codes the API answers errors with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 413 | 414 | 429 | 500 | 503;

/** A refusal to answer, turned into an error response (never a stack trace). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The JSON body of this error. */
  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, messageZh: this.messageZh } };
  }
}
