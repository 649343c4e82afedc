/** Why an evaluation cannot be answered. */
export type EvaluationErrorCode = 'unknown-committee' | 'unknown-term' | 'period-mismatch' | 'invalid-as-of';

/** A request the record cannot answer: an unknown committee or term, or a period the policy does not use. */
export class EvaluationError extends Error {
  readonly code: EvaluationErrorCode;

  constructor(code: EvaluationErrorCode, message: string) {
    super(message);
    this.name = 'EvaluationError';
    this.code = code;
  }
}
