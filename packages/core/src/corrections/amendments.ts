import { eventFingerprint } from '../commandHandling/fingerprint.ts';

/** Corrections and retractions that a stream's later events made to its earlier ones. */
export interface Amendments {
  readonly retracted: ReadonlySet<string>;
  /** Per corrected event id, the corrected fields merged over each other in order. */
  readonly patches: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** Fingerprints of the correction and retraction commands already applied (re-recording one is a no-op). */
  readonly applied: ReadonlySet<string>;
}

/** A stream with no corrections. */
export const NO_AMENDMENTS: Amendments = { retracted: new Set(), patches: new Map(), applied: new Set() };

/** Fields the decision adds to a correction or retraction beyond its command's data. */
export const AMENDMENT_ADDED_FIELDS: readonly string[] = ['occurredAt', 'targetType', 'correctedOccurredAt'];

/** The event types that amend an earlier event. */
export const AMENDMENT_TYPES: ReadonlySet<string> = new Set(['RecordRetracted', 'RecordCorrected']);

/** Folds a correction or retraction into a stream's amendments; other events leave them unchanged. */
export function amend(a: Amendments, event: { readonly type: string; readonly data: unknown }): Amendments {
  if (!AMENDMENT_TYPES.has(event.type)) return a;
  const data = event.data as {
    eventId: string;
    data?: Record<string, unknown>;
    correctedOccurredAt?: string;
  };
  const applied = new Set(a.applied).add(eventFingerprint(data, AMENDMENT_ADDED_FIELDS));
  if (event.type === 'RecordRetracted') {
    return { ...a, applied, retracted: new Set(a.retracted).add(data.eventId) };
  }
  const merged = {
    ...(a.patches.get(data.eventId) ?? {}),
    ...(data.data ?? {}),
    ...(data.correctedOccurredAt === undefined ? {} : { occurredAt: data.correctedOccurredAt }),
  };
  return { ...a, applied, patches: new Map(a.patches).set(data.eventId, merged) };
}

/** Merges corrected fields over data; a field corrected to `null` is removed (e.g. a leave reason). */
export function mergeCorrection<T>(data: T, patch: Readonly<Record<string, unknown>>): T {
  const merged: Record<string, unknown> = { ...(data as Record<string, unknown>), ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === null) delete merged[key];
  return merged as T;
}

/** The current data of an event: its original data with every correction merged over it. */
export function currentData<T>(a: Amendments, eventId: string, original: T): T {
  const patch = a.patches.get(eventId);
  return patch ? mergeCorrection(original, patch) : original;
}
