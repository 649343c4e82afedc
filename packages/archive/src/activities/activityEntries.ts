import type { EventType, RecordedAct } from '@lvzhi/core';
import { type Traced, traced } from '../corrections/amendmentNotes.ts';
import {
  type ArchiveScope,
  actsOfType,
  byOccurrence,
  dataOf,
  duringSeat,
  inYear,
  whenOf,
} from '../scope/archiveScope.ts';

/** When an activity happened, local to the committee. */
interface Dated extends Traced {
  readonly date: string;
  readonly year: number;
}

/** Publicity (新闻宣传): an article, interview or report by or about the member. */
export interface PublicityEntry extends Dated {
  readonly publicityId: string;
  readonly kind: 'article' | 'interview' | 'report';
  readonly outlet: string;
  readonly level: string | undefined;
}

/** Public-welfare work (公益/帮扶). */
export interface PublicWelfareEntry extends Dated {
  readonly activityId: string;
  readonly title: string;
}

/** A talk held with the member: heart-to-heart (谈心谈话), reminder (提醒谈话) or warning. */
export interface TalkEntry extends Dated {
  readonly talkId: string;
  readonly kind: 'heart-to-heart' | 'reminder' | 'warning';
  readonly heldBy: string;
}

/** An honour the member received (荣誉). */
export interface HonourEntry extends Dated {
  readonly honourId: string;
  readonly title: string;
  readonly level: string;
}

/** A standing member's annual duty report (常委履职报告); its year is the year it was submitted in. */
export interface AnnualReportEntry extends Dated {
  readonly reportId: string;
  /** The year the report covers. */
  readonly reportYear: number;
}

/** A decision on the member: an annual grade (年度评价) or a re-nomination decision (换届是否继续提名). */
export type DecisionEntry = Dated &
  (
    | {
        readonly decision: 'assessment';
        readonly assessedYear: number;
        readonly grade: string;
        readonly policy: string;
        readonly score: number | null;
        readonly decidedBy: string;
      }
    | {
        readonly decision: 'renomination';
        readonly outcome: 'renominate' | 'do-not-renominate';
        readonly reason: string;
        readonly decidedBy: string;
      }
  );

/** Member acts of a type in the scope: the seat's committee when the act names one, else while seated. */
function scoped<T>(
  scope: ArchiveScope,
  type: EventType,
  key: (act: RecordedAct) => string,
  build: (act: RecordedAct, dated: Dated) => T,
): T[] {
  return actsOfType(scope.state, scope.state.byMember[scope.memberId], [type])
    .filter((act) => act.data.committeeId === undefined || act.data.committeeId === scope.seat.committeeId)
    .filter((act) => duringSeat(scope, act) && inYear(scope, whenOf(scope, act).year))
    .map((act) => ({ act, key: key(act) }))
    .sort(byOccurrence)
    .map(({ act }) => build(act, { ...traced(act), ...whenOf(scope, act) }));
}

/** The member's publicity in the scope, in date order. */
export function publicityEntries(scope: ArchiveScope): PublicityEntry[] {
  return scoped(
    scope,
    'PublicityRecorded',
    (a) => a.data.publicityId as string,
    (act, dated) => {
      const d = dataOf(act, 'PublicityRecorded');
      return { ...dated, publicityId: d.publicityId, kind: d.kind, outlet: d.outlet, level: d.level };
    },
  );
}

/** The member's public-welfare work in the scope, in date order. */
export function publicWelfareEntries(scope: ArchiveScope): PublicWelfareEntry[] {
  return scoped(
    scope,
    'PublicWelfareRecorded',
    (a) => a.data.activityId as string,
    (act, dated) => {
      const d = dataOf(act, 'PublicWelfareRecorded');
      return { ...dated, activityId: d.activityId, title: d.title };
    },
  );
}

/** The talks held with the member in the scope, in date order. */
export function talkEntries(scope: ArchiveScope): TalkEntry[] {
  return scoped(
    scope,
    'TalkRecorded',
    (a) => a.data.talkId as string,
    (act, dated) => {
      const d = dataOf(act, 'TalkRecorded');
      return { ...dated, talkId: d.talkId, kind: d.kind, heldBy: d.heldBy };
    },
  );
}

/** The member's honours in the scope, in date order. */
export function honourEntries(scope: ArchiveScope): HonourEntry[] {
  return scoped(
    scope,
    'HonourRecorded',
    (a) => a.data.honourId as string,
    (act, dated) => {
      const d = dataOf(act, 'HonourRecorded');
      return { ...dated, honourId: d.honourId, title: d.title, level: d.level };
    },
  );
}

/** The member's annual reports in the scope, in date order. */
export function annualReportEntries(scope: ArchiveScope): AnnualReportEntry[] {
  return scoped(
    scope,
    'AnnualReportSubmitted',
    (a) => a.data.reportId as string,
    (act, dated) => {
      const d = dataOf(act, 'AnnualReportSubmitted');
      return { ...dated, reportId: d.reportId, reportYear: d.year };
    },
  );
}

/**
 * The decisions on the member in the scope's committee: annual grades of the seat's years (filtered by the
 * assessed year) and the re-nomination decision of the seat's term, in date order.
 */
export function decisionEntries(scope: ArchiveScope, seatYears: readonly number[]): DecisionEntry[] {
  const acts = actsOfType(scope.state, scope.state.byMember[scope.memberId], [
    'AssessmentDecisionRecorded',
    'RenominationDecisionRecorded',
  ]).filter((act) => act.data.committeeId === scope.seat.committeeId);
  const entries: { act: RecordedAct; key: string; entry: DecisionEntry }[] = [];
  for (const act of acts) {
    const dated = { ...traced(act), ...whenOf(scope, act) };
    if (act.type === 'AssessmentDecisionRecorded') {
      const d = dataOf(act, 'AssessmentDecisionRecorded');
      if (!seatYears.includes(d.year) || !inYear(scope, d.year)) continue;
      const entry: DecisionEntry = {
        ...dated,
        decision: 'assessment',
        assessedYear: d.year,
        grade: d.grade,
        policy: `${d.policyId}@${d.policyVersion}`,
        score: d.score,
        decidedBy: d.decidedBy,
      };
      entries.push({ act, key: `assessment:${d.year}:${d.policyId}`, entry });
    } else {
      const d = dataOf(act, 'RenominationDecisionRecorded');
      if (d.term !== scope.seat.term || !inYear(scope, dated.year)) continue;
      const entry: DecisionEntry = {
        ...dated,
        decision: 'renomination',
        outcome: d.decision,
        reason: d.reason,
        decidedBy: d.decidedBy,
      };
      entries.push({ act, key: 'renomination', entry });
    }
  }
  return entries.sort(byOccurrence).map((e) => e.entry);
}
