import type { ProposedEvent, RecordedEvent } from '../envelope/envelope.ts';
import { chainEvents } from '../envelope/hashChain.ts';
import { DuplicateEventIdError } from './errors.ts';

/**
 * Decides whether an append is new or the retry of one already stored, given what the store holds for each
 * proposed event id. A retry is the same events (same hashes when chained where they were stored) in this
 * stream, consecutively: it returns the stored events. Any other overlap is a `DuplicateEventIdError`.
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
    found.every((e, i) => e.streamId === streamId && e.streamVersion === first.streamVersion + i) &&
    chainEvents(streamId, { version: first.streamVersion - 1, hash: first.prevHash }, proposed).every(
      (c, i) => c.hash === found[i]?.hash,
    );
  if (!isRetry) {
    const clash = proposed.find((_, i) => stored[i] !== undefined);
    throw new DuplicateEventIdError(clash?.eventId ?? first.eventId);
  }
  return { kind: 'retry', events: found };
}
