import { ConcurrencyError } from './errors.ts';
import type { ExpectedVersion } from './eventStore.ts';

/** Throws `ConcurrencyError` when a stream at `actual` does not meet `expected`. */
export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && actual === 0) ||
    (expected === 'exists' && actual > 0) ||
    expected === actual;
  if (!ok) throw new ConcurrencyError(streamId, expected, actual);
}
