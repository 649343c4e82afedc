import type { EventType, RecordedAct } from '@lvzhi/core';
import { compareText } from '../scope/archiveScope.ts';
import { type AmendmentNote, noteOf } from './amendmentNotes.ts';

/** One field a correction changed. */
export interface FieldChange {
  readonly field: string;
  /** The value before this correction (undefined when the field was absent). */
  readonly from: unknown;
  readonly to: unknown;
}

/** A correction (更正) as the archive shows it: the record as first made, what changed, why, approved by whom. */
export interface CorrectionEntry {
  /** The corrected record. */
  readonly eventId: string;
  readonly type: EventType;
  readonly correction: AmendmentNote;
  /** The record's data as first recorded. */
  readonly original: Readonly<Record<string, unknown>>;
  readonly changes: readonly FieldChange[];
}

/** A retraction (撤销) as the archive shows it: which record, why, approved by whom. */
export interface RetractionEntry {
  /** The retracted record. */
  readonly eventId: string;
  readonly type: EventType;
  readonly retraction: AmendmentNote;
  /** The record's data as it stood when retracted. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Every correction of the given acts, each with the values it replaced, in the order they were recorded. */
export function correctionEntries(acts: Iterable<RecordedAct>): CorrectionEntry[] {
  const out: CorrectionEntry[] = [];
  for (const act of acts) {
    if (!act.corrections || act.corrections.length === 0) continue;
    const original = act.original ?? act.data;
    let before: Record<string, unknown> = { ...original };
    for (const c of act.corrections) {
      const fields = c.data ?? {};
      const changes = Object.keys(fields)
        .sort(compareText)
        .map((field) => ({ field, from: before[field], to: fields[field] }));
      out.push({ eventId: act.eventId, type: act.type, correction: noteOf(c), original, changes });
      before = { ...before, ...fields };
    }
  }
  return out.sort(byAmendment((e) => e.correction));
}

/** Every retraction among the given acts, in the order they were recorded. */
export function retractionEntries(acts: Iterable<RecordedAct>): RetractionEntry[] {
  const out: RetractionEntry[] = [];
  for (const act of acts) {
    if (act.retraction)
      out.push({ eventId: act.eventId, type: act.type, retraction: noteOf(act.retraction), data: act.data });
  }
  return out.sort(byAmendment((e) => e.retraction));
}

function byAmendment<T>(note: (entry: T) => AmendmentNote) {
  return (a: T, b: T) => {
    const x = note(a);
    const y = note(b);
    return Date.parse(x.recordedAt) - Date.parse(y.recordedAt) || compareText(x.eventId, y.eventId);
  };
}
