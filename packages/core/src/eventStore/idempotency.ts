import type { ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';
import { DuplicateEventIdError } from './errors.ts';

/**
 * Decides whether an append is new or the retry of one already stored, given what the store holds for
 * each proposed event id. A retry (every id stored, consecutively, in this stream) returns the stored events;
 * any other overlap is a `DuplicateEventIdError`.
 */
export function classifyAppend(
  streamId: string,
  proposed: readonly ProposedEvent[],
  stored: readonly (RecordedEvent | undefined)[],
): { readonly kind: 'new' } | { readonly kind: 'retry'; readonly events: readonly RecordedEvent[] } {
  const found = stored.filter((e): e is RecordedEvent => e !== undefined);
  if (found.length === 0) return { kind: 'new' };
  const first = found[0]!;
  const isRetry =
    found.length === proposed.length &&
    found.every(
      (e, i) => e.streamId === streamId && e.streamVersion === first.streamVersion + i && e.eventId === proposed[i]?.eventId,
    );
  if (!isRetry) {
    const clash = proposed.find((p, i) => stored[i] !== undefined && stored[i]?.streamId !== streamId) ?? proposed.find((_, i) => stored[i] !== undefined);
    throw new DuplicateEventIdError(clash?.eventId ?? first.eventId);
  }
  return { kind: 'retry', events: found };
}
