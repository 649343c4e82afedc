export type { EvaluateOptions } from './evaluation/evaluate.ts';
export { evaluate } from './evaluation/evaluate.ts';
export type { EvaluateStoreOptions } from './evaluation/evaluateStore.ts';
export { evaluateStore } from './evaluation/evaluateStore.ts';
export type { EvaluationErrorCode } from './evaluation/evaluationError.ts';
export { EvaluationError } from './evaluation/evaluationError.ts';
export type {
  BlockPoints,
  Evaluation,
  EvaluationPeriod,
  Flag,
  Item,
  ItemSubject,
  MemberEvaluation,
} from './evaluation/evaluationTypes.ts';
export { loadPolicy } from './policy/loadPolicy.ts';
export { parsePolicy } from './policy/parsePolicy.ts';
export type { PolicyProblem } from './policy/policyChecks.ts';
export { policyJsonSchema } from './policy/policyJsonSchema.ts';
export type {
  Block,
  FlagRule,
  Grading,
  Minimums,
  Params,
  Policy,
  Rule,
  Score,
} from './policy/policySchema.ts';
export { PolicyShape } from './policy/policySchema.ts';
export type { Selector } from './policy/selector.ts';
export type { Grade, Label, Lang } from './policy/vocabulary.ts';
export type { PresetSummary } from './presets/presets.ts';
export { listPresets, presetPolicy } from './presets/presets.ts';
export { evaluationToCsv } from './reports/evaluationToCsv.ts';
export { evaluationToMarkdown } from './reports/evaluationToMarkdown.ts';
