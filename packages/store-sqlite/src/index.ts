export type { SqliteEventStoreOptions } from './sqliteEventStore.ts';
export { SqliteEventStore } from './sqliteEventStore.ts';
export { SqliteProjectionStore } from './sqliteProjectionStore.ts';
