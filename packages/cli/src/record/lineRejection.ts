import type { Rejection, RejectionCode } from '@lvzhi/core';

/** Why a line was refused before it reached the core: it is not JSON, or it is too long to read. */
export type LineCode = 'invalid-json' | 'line-too-long';

/** Why a line was refused: a core `Rejection` (same shape) or one of the line-level codes. */
export interface LineRejectionReason {
  readonly code: RejectionCode | LineCode;
  readonly field?: string;
  readonly value?: unknown;
  readonly message: string;
  readonly messageZh: string;
  readonly detail?: string;
}

/** One rejected line: its number, the command it named (if any), and why. */
export interface RejectedLine {
  readonly line: number;
  readonly command: string | undefined;
  readonly reason: LineRejectionReason | Rejection;
}

/** The line is not valid JSON. */
export function invalidJson(detail: string): LineRejectionReason {
  return {
    code: 'invalid-json',
    message: 'the line is not valid JSON',
    messageZh: '该行不是有效的 JSON',
    detail,
  };
}

/** The line exceeds the size limit. */
export function lineTooLong(bytes: number, max: number): LineRejectionReason {
  return {
    code: 'line-too-long',
    value: bytes,
    message: `the line is longer than the limit of ${max} bytes`,
    messageZh: `该行超过 ${max} 字节的长度上限`,
    detail: `${bytes} bytes`,
  };
}
