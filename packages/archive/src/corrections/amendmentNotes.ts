import type { Amendment, RecordedAct } from '@lvzhi/core';

/** Who retracted or corrected a record, why, and when: shown beside the record it amends. */
export interface AmendmentNote {
  /** The event id of the retraction or correction. */
  readonly eventId: string;
  readonly reason: string;
  readonly approvedBy: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** What every archive entry carries so an auditor can trace it: its event, its retraction, its corrections. */
export interface Traced {
  readonly eventId: string;
  /** Set when the record was retracted: it stays visible, marked, and counts in no total. */
  readonly retracted: AmendmentNote | undefined;
  /** The event ids of the corrections merged into the entry's data, in order (details under `corrections`). */
  readonly correctedBy: readonly string[];
}

/** The note of an amendment. */
export function noteOf(amendment: Amendment): AmendmentNote {
  return {
    eventId: amendment.eventId,
    reason: amendment.reason,
    approvedBy: amendment.approvedBy,
    recordedAt: amendment.recordedAt,
    recordedBy: amendment.recordedBy,
  };
}

/** The trace of an act: its event id, retraction and corrections. */
export function traced(act: RecordedAct): Traced {
  return {
    eventId: act.eventId,
    retracted: act.retraction ? noteOf(act.retraction) : undefined,
    correctedBy: (act.corrections ?? []).map((c) => c.eventId),
  };
}

/** True when an act stands (was not retracted). */
export function isLive(act: RecordedAct): boolean {
  return act.retraction === undefined;
}
