export type { EventStoreDbStoreOptions } from './eventStoreDbStore.ts';
export { EventStoreDbStore } from './eventStoreDbStore.ts';
export type { ResubscribeOptions } from './subscription.ts';
