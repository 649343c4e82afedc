export type { ConformanceOptions } from './storeConformance/describeEventStoreConformance.ts';
export { describeEventStoreConformance } from './storeConformance/describeEventStoreConformance.ts';
export type { EventStoreFactory } from './storeConformance/eventStoreFactory.ts';
