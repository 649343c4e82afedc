import { InMemoryEventStore } from '@lvzhi/core';
import { describeEventStoreConformance } from '@lvzhi/testing';

describeEventStoreConformance('InMemoryEventStore', async () => ({ store: new InMemoryEventStore() }));
