import type { LogPosition } from './client.ts';

/**
 * Our `globalPosition` of an event: its commit position in the server's transaction log. Positions grow
 * strictly but are byte offsets, so they are not contiguous (an event at 4096 may follow one at 3512).
 * Returns undefined when the server did not report a usable position.
 */
export function globalPositionOf(position: LogPosition | undefined): number | undefined {
  if (!position) return undefined;
  const { commit } = position;
  // Unset positions arrive as 0 (proto default) or 2^64 − 1 (the server's "none").
  if (commit <= 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(commit);
}

/**
 * Where a forward read or a subscription starts for a checkpoint: the start of the log for 0, else the
 * checkpoint's own position (events written by appends commit where they are prepared, so the commit
 * position names the event). Reads include the event at that position and subscriptions exclude it; callers
 * drop everything at or before the checkpoint either way (`isAfterCheckpoint`).
 */
export function startAfter(checkpoint: number): LogPosition | 'start' {
  if (!Number.isSafeInteger(checkpoint) || checkpoint < 0) {
    throw new RangeError(`a checkpoint is a non-negative integer position, got ${checkpoint}`);
  }
  return checkpoint === 0 ? 'start' : { commit: BigInt(checkpoint), prepare: BigInt(checkpoint) };
}

/** Checkpoints are exclusive: an event belongs after one only when its position is strictly greater. */
export function isAfterCheckpoint(globalPosition: number, checkpoint: number): boolean {
  return globalPosition > checkpoint;
}
