export type { PostgresEventStoreOptions } from './postgresEventStore.ts';
export { PostgresEventStore } from './postgresEventStore.ts';
export { PostgresProjectionStore } from './postgresProjectionStore.ts';
