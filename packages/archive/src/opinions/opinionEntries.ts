import type { RecordedAct } from '@lvzhi/core';
import { type Traced, traced } from '../corrections/amendmentNotes.ts';
import {
  type ArchiveScope,
  actsOfType,
  byOccurrence,
  dataOf,
  duringSeat,
  inYear,
  occurredMs,
  whenOf,
} from '../scope/archiveScope.ts';

/** An adoption (采用) of an item at a level, or a leader's instruction (领导批示) on it. */
export interface OpinionStep extends Traced {
  readonly step: 'adopted' | 'instruction';
  readonly level: string;
  readonly date: string;
}

/** A 社情民意 item (反映社情民意信息) the member authored, with its adoptions by level in order. */
export interface OpinionEntry extends Traced {
  readonly opinionId: string;
  readonly title: string;
  readonly authorIds: readonly string[];
  /** 1-based place among the authors (1 = first author). */
  readonly authorPosition: number;
  readonly date: string;
  /** The submission year: adoptions count in it. */
  readonly year: number;
  /** `adopted` once any live adoption stands, else `submitted`. */
  readonly status: 'submitted' | 'adopted';
  /** Levels of the live adoptions, in the order they happened. */
  readonly adoptedAt: readonly string[];
  /** Adoptions and instructions in the order they happened (retracted ones marked). */
  readonly history: readonly OpinionStep[];
}

function historyOf(scope: ArchiveScope, opinionId: string): { act: RecordedAct; step: OpinionStep }[] {
  const ids = scope.state.byStream[`opinion-${opinionId}`] ?? [];
  const rank = (a: RecordedAct) => (a.type === 'OpinionAdopted' ? 0 : 1);
  return ids
    .map((id, order) => ({ act: scope.state.acts[id]!, order }))
    .filter((x) => x.act && (x.act.type === 'OpinionAdopted' || x.act.type === 'LeaderInstructionRecorded'))
    .sort((a, b) => occurredMs(a.act) - occurredMs(b.act) || rank(a.act) - rank(b.act) || a.order - b.order)
    .map(({ act }) => ({
      act,
      step: {
        ...traced(act),
        step: act.type === 'OpinionAdopted' ? 'adopted' : 'instruction',
        level: act.data.level as string,
        date: whenOf(scope, act).date,
      },
    }));
}

/**
 * The items of the scope's committee submitted while the seat was held that list the member as an author, in
 * submission order; `touched` holds every act of them, for the archive's corrections and retractions.
 */
export function opinionEntries(scope: ArchiveScope): { entries: OpinionEntry[]; touched: RecordedAct[] } {
  const found: { act: RecordedAct; key: string; entry: OpinionEntry }[] = [];
  const touched: RecordedAct[] = [];
  for (const act of actsOfType(scope.state, scope.state.byMember[scope.memberId], ['OpinionSubmitted'])) {
    const d = dataOf(act, 'OpinionSubmitted');
    if (d.committeeId !== scope.seat.committeeId || !duringSeat(scope, act)) continue;
    const when = whenOf(scope, act);
    if (!inYear(scope, when.year)) continue;
    const history = historyOf(scope, d.opinionId);
    touched.push(act, ...history.map((h) => h.act));
    const position = (d.authorIds as readonly string[]).indexOf(scope.memberId);
    if (position < 0) continue;
    const steps = history.map((h) => h.step);
    const adoptedAt = steps.filter((s) => s.step === 'adopted' && !s.retracted).map((s) => s.level);
    found.push({
      act,
      key: d.opinionId,
      entry: {
        ...traced(act),
        opinionId: d.opinionId,
        title: d.title,
        authorIds: d.authorIds,
        authorPosition: position + 1,
        ...when,
        status: adoptedAt.length > 0 ? 'adopted' : 'submitted',
        adoptedAt,
        history: steps,
      },
    });
  }
  return { entries: found.sort(byOccurrence).map((f) => f.entry), touched };
}
