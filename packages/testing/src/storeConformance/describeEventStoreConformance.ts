import { describe } from 'vitest';
import { describeAppendConformance } from './appendConformance.ts';
import { conformanceTest } from './conformanceTest.ts';
import type { EventStoreFactory } from './eventStoreFactory.ts';
import { describeHashChainConformance } from './hashChainConformance.ts';
import { describeIdempotencyConformance } from './idempotencyConformance.ts';
import { describeLifecycleConformance } from './lifecycleConformance.ts';
import { describeModelProperty } from './modelProperty.ts';
import { describeReadConformance } from './readConformance.ts';
import { describeSubscribeConformance } from './subscribeConformance.ts';

/** Options of `describeEventStoreConformance`. */
export interface ConformanceOptions {
  /**
   * Titles of tests this store is known to fail: they run as `it.fails`, so they turn red once fixed.
   * A title that matches no test is an error.
   */
  readonly knownFailures?: readonly string[];
}

/**
 * Registers the vitest suite that every `EventStore` must pass; `factory` opens a fresh, empty store per test.
 *
 * @example
 * describeEventStoreConformance('InMemoryEventStore', async () => ({ store: new InMemoryEventStore() }));
 */
export function describeEventStoreConformance(
  name: string,
  factory: EventStoreFactory,
  options: ConformanceOptions = {},
): void {
  const { test, registerUnusedCheck } = conformanceTest(options.knownFailures ?? []);
  describe(`${name} conforms to the EventStore port`, () => {
    describe('appending', () => describeAppendConformance(factory, test));
    describe('idempotency', () => describeIdempotencyConformance(factory, test));
    describe('hashing', () => describeHashChainConformance(factory, test));
    describe('reading', () => describeReadConformance(factory, test));
    describe('subscribing', () => describeSubscribeConformance(factory, test));
    describe('lifecycle', () => describeLifecycleConformance(factory, test));
    describe('model', () => describeModelProperty(factory, test));
    describe('options', () => registerUnusedCheck());
  });
}
