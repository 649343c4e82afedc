export type { SqliteEventStoreOptions } from './sqliteEventStore.ts';
export { SqliteEventStore } from './sqliteEventStore.ts';
