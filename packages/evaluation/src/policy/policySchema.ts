import { z } from 'zod';
import { Selector } from './selector.ts';
import { Grade, Label, LeaveReason, Slug } from './vocabulary.ts';

const points = z.number().finite();
const count = z.int().min(0).max(10_000);

/** A fraction of a meeting: a number in [0, 1], or `{numerator, denominator}` for thirds and the like. */
export const Fraction = z.union([
  z.number().min(0).max(1),
  z
    .strictObject({ numerator: z.int().min(0), denominator: z.int().min(1) })
    .refine((f) => f.numerator <= f.denominator, {
      message: 'a fraction of a meeting is at most 1',
    }),
]);
export type Fraction = z.infer<typeof Fraction>;

/** What counts as an absence where a selector says `countsAsAbsence`. */
export const AbsenceRule = z.strictObject({
  /** `unexcused`: only `absent`; `all-but-exempt`: also `excused` unless its leave reason is exempt. */
  counting: z.enum(['unexcused', 'all-but-exempt']).default('unexcused'),
  exemptLeaveReasons: z.array(LeaveReason).default([]),
  /** A `present` attendance with `fractionAttended` below this counts as an absence (equal to it does not). */
  fractionBelow: Fraction.optional(),
});

/** How a proposal's points are credited to the members in each role (a share of the points, 1 = full). */
export const ProposalCredit = z.strictObject({
  individual: z.number().min(0).max(1).default(1),
  lead: z.number().min(0).max(1).default(1),
  /** `{shared: s}`: the co-signers share s equally; `{each: s}`: each co-signer gets s. */
  coSigners: z
    .union([
      z.strictObject({ shared: z.number().min(0).max(1) }),
      z.strictObject({ each: z.number().min(0).max(1) }),
    ])
    .default({ each: 1 }),
  mainMembers: z.number().min(0).max(1).default(1),
  /** Only the first n named main members of a collective proposal are credited. */
  mainMemberLimit: z.int().min(1).max(50).default(3),
});

export const Params = z.strictObject({
  absence: AbsenceRule.default({ counting: 'unexcused', exemptLeaveReasons: [] }),
  proposalCredit: ProposalCredit.default({
    individual: 1,
    lead: 1,
    coSigners: { each: 1 },
    mainMembers: 1,
    mainMemberLimit: 3,
  }),
});
export type Params = z.infer<typeof Params>;

const bounds = { cap: points.optional(), floor: points.optional() };

/** `points` for every selected act (proposals: times the member's credit share). */
export const PerActRule = z.strictObject({
  kind: z.literal('per-act'),
  id: Slug,
  label: Label,
  select: Selector,
  points,
  ...bounds,
});

/** One item: `points × max(0, n − beyond)` where n counts the selected acts (no credit shares). */
export const CountRule = z.strictObject({
  kind: z.literal('count'),
  id: Slug,
  label: Label,
  select: Selector,
  points,
  beyond: count.default(0),
  ...bounds,
});

/** A tier's test on the selected acts: any (or all) of them match `where`. */
export const Tier = z.strictObject({
  label: Label,
  quantifier: z.enum(['any', 'all']).default('any'),
  where: Selector,
  points,
});

/** The points of the first tier whose test holds over the selected acts (e.g. worst plenary attendance). */
export const TiersRule = z.strictObject({
  kind: z.literal('tiers'),
  id: Slug,
  label: Label,
  select: Selector,
  tiers: z.array(Tier).min(1).max(20),
  /** Points when acts were selected but no tier holds. */
  otherwise: points.default(0),
  /** Points (and a flag) when no act is selected at all. */
  whenNone: z.strictObject({ points: points.default(0), flag: Slug.optional() }).default({ points: 0 }),
  ...bounds,
});

export const Rule = z.discriminatedUnion('kind', [PerActRule, CountRule, TiersRule]);
export type Rule = z.infer<typeof Rule>;
export type TiersRule = z.infer<typeof TiersRule>;

/** A block of rules: optional base points, then the rules, then the block's cap and floor. */
export const Block = z.strictObject({
  id: Slug,
  label: Label,
  base: points.optional(),
  rules: z.array(Rule).max(100).default([]),
  ...bounds,
});
export type Block = z.infer<typeof Block>;

/** The score: the sum of its blocks, then clamped to the score's cap and floor. */
export const Score = z.strictObject({ blocks: z.array(Block).min(1).max(50), ...bounds });
export type Score = z.infer<typeof Score>;

/** One minimum requirement: met when any of its alternatives counts at least `atLeast` acts in the period. */
export const Requirement = z.strictObject({
  id: Slug,
  label: Label,
  anyOf: z.array(z.strictObject({ select: Selector, atLeast: z.int().min(1).default(1) })).min(1),
});
export const Minimums = z.strictObject({
  requirements: z.array(Requirement).min(1).max(50),
  /** Flag raised when any requirement is not met; its `detail` lists the missing requirement ids. */
  flag: Slug.optional(),
});
export type Minimums = z.infer<typeof Minimums>;

const GradeOutcome = z.strictObject({ grade: Grade, flag: Slug.optional() });

/** Grades: minimums first, then the first band whose `atLeast` the score reaches, else `otherwise`. */
export const Grading = z.strictObject({
  minimumsNotMet: Grade.optional(),
  bands: z
    .array(z.strictObject({ atLeast: points, grade: Grade, flag: Slug.optional() }))
    .max(20)
    .default([]),
  otherwise: GradeOutcome,
});
export type Grading = z.infer<typeof Grading>;

const flagBase = { code: Slug, detail: z.array(z.string().min(1).max(200)).max(20).optional() };

/** Flags when the score is below a value. */
export const ScoreBelowFlag = z.strictObject({ kind: z.literal('score-below'), ...flagBase, below: points });
/** Flags when the grade is one of `grades` in this year and each of the `years − 1` years before (seated in each). */
export const GradeInConsecutiveYearsFlag = z.strictObject({
  kind: z.literal('grade-in-consecutive-years'),
  ...flagBase,
  grades: z.array(Grade).min(1),
  years: z.int().min(2).max(10),
});
/** Flags when the selected acts reach `atLeast` within the period or within one calendar year of it. */
export const ThresholdFlag = z.strictObject({
  kind: z.literal('threshold'),
  ...flagBase,
  select: Selector,
  atLeast: z.int().min(1).max(10_000),
  within: z.enum(['period', 'calendar-year']),
});
/** Flags (once, at the first run) when no act is selected in `years` consecutive years of the term while seated. */
export const NoneInConsecutiveYearsFlag = z.strictObject({
  kind: z.literal('none-in-consecutive-years'),
  ...flagBase,
  select: Selector,
  years: z.int().min(2).max(10),
});
/** Flags when fewer than `below` acts are selected over the whole term, once the term has ended. */
export const TermTotalBelowFlag = z.strictObject({
  kind: z.literal('term-total-below'),
  ...flagBase,
  select: Selector,
  below: z.int().min(1).max(10_000),
});

export const FlagRule = z.discriminatedUnion('kind', [
  ScoreBelowFlag,
  GradeInConsecutiveYearsFlag,
  ThresholdFlag,
  NoneInConsecutiveYearsFlag,
  TermTotalBelowFlag,
]);
export type FlagRule = z.infer<typeof FlagRule>;

/** A scoring or sanction scheme as data: the whole policy language. */
export const PolicyShape = z.strictObject({
  $schema: z.string().optional(),
  id: Slug,
  version: z.union([z.string().min(1).max(50), z.int().min(0)]).transform(String),
  title: Label,
  description: Label,
  /** Who adopted it and when, for the reports. */
  source: z.string().max(500).optional(),
  period: z.enum(['year', 'term']),
  params: Params.default(() => Params.parse({})),
  /** Absent for sanction-only policies (score `null`). */
  score: Score.optional(),
  minimums: Minimums.optional(),
  grading: Grading.optional(),
  flags: z.array(FlagRule).max(100).default([]),
});
export type Policy = z.infer<typeof PolicyShape>;
