import { expect, it } from 'vitest';

/** Registers one conformance test; a test named in `knownFailures` is registered as expected to fail. */
export type ConformanceTest = (title: string, body: () => Promise<void>) => void;

/**
 * A `ConformanceTest` that marks the titles in `knownFailures` with `it.fails`, so that a store's known gap
 * stays visible and turns red once fixed; `registerUnusedCheck` adds a test that fails for a title that
 * matched no test (call it after every other test is registered).
 */
export function conformanceTest(knownFailures: readonly string[]): {
  readonly test: ConformanceTest;
  readonly registerUnusedCheck: () => void;
} {
  const pending = new Set(knownFailures);
  const test: ConformanceTest = (title, body) => {
    if (pending.delete(title)) it.fails(title, body);
    else it(title, body);
  };
  const registerUnusedCheck = () => {
    it('knownFailures names only tests of this suite', () => {
      expect([...pending], 'knownFailures that match no test').toEqual([]);
    });
  };
  return { test, registerUnusedCheck };
}
