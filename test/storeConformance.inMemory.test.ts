import { InMemoryEventStore } from '@lvzhi/core';
import { describeEventStoreConformance } from '@lvzhi/testing';

describeEventStoreConformance('InMemoryEventStore', async () => ({ store: new InMemoryEventStore() }), {
  // InMemoryEventStore.subscribe waits for the next append without re-checking `signal.aborted`, so an abort
  // that lands between two `next()` calls leaves the subscription hanging until the next append or close.
  knownFailures: ['ends when the signal aborts while the consumer holds an event'],
});
