import type { Grade } from '../policy/vocabulary.ts';

/** A warning or sanction raised for a member, with the events it rests on. */
export interface Flag {
  readonly code: string;
  /** The calendar year in which the condition arose (omitted for whole-term conditions). */
  readonly year?: number;
  /** Machine-readable particulars, e.g. the missing minimum requirements. */
  readonly detail?: readonly string[];
  readonly evidence: readonly string[];
}

/** The act an item is for: its family, business id and local date; for attendances, what was recorded. */
export interface ItemSubject {
  readonly family: string;
  readonly id: string;
  readonly on: string;
  readonly status?: 'present' | 'excused' | 'absent';
  readonly leaveReason?: string;
  readonly fractionAttended?: number;
}

/**
 * One line of a member's breakdown. `kind`: `act` (points for one act), `count` (points for a number of acts),
 * `tier` (points of the tier that held), `none` (no act selected), `base` (a block's base points), or an
 * explicit adjustment: `cap` (negative, so that the block, rule or score does not exceed its cap) or `floor`.
 */
export interface Item {
  readonly block: string;
  /** The rule's id; for `base` and block-level adjustments, the block's id; for the score's, `score`. */
  readonly rule: string;
  readonly kind: 'act' | 'count' | 'tier' | 'none' | 'base' | 'cap' | 'floor';
  readonly points: number;
  /** The event ids the points came from (for adjustments: those of the items adjusted). */
  readonly evidence: readonly string[];
  /** The meeting, proposal, item or activity the points are for, with its local date. */
  readonly subject?: ItemSubject;
  /** The acts a `count` or `tier` item looked at. */
  readonly subjects?: readonly ItemSubject[];
  /** The member's credit share of a proposal's points, when not 1. */
  readonly share?: number;
  /** How many acts a `count` item counted. */
  readonly count?: number;
  /** Which tier held (0-based), for `tier` items. */
  readonly tier?: number;
}

/** A block's points (its items add up to them), with its bounds. */
export interface BlockPoints {
  readonly id: string;
  readonly points: number;
  readonly cap?: number;
  readonly floor?: number;
}

/** One member's result under a policy. */
export interface MemberEvaluation {
  readonly memberId: string;
  readonly name: string;
  readonly sector: string;
  /** The sum of the blocks; null under a sanction-only policy. */
  readonly score: number | null;
  readonly grade: Grade | null;
  readonly flags: readonly Flag[];
  readonly blocks: readonly BlockPoints[];
  readonly items: readonly Item[];
  /**
   * Share (0..1) of the members of the same sector whose score is at or below this one; null without a
   * score. A position within a sector, not a ranking of members.
   */
  readonly percentileInSector: number | null;
}

/** The period evaluated. */
export type EvaluationPeriod = { readonly year: number } | { readonly term: number };

/** An evaluation of every member seated in a committee in a period, under one policy version. */
export interface Evaluation {
  readonly policy: { readonly id: string; readonly version: string };
  readonly period: EvaluationPeriod;
  readonly committeeId: string;
  /** The instant the record was read as of, when not the whole log. */
  readonly asOf?: string;
  readonly results: readonly MemberEvaluation[];
}
