import { describeEventStoreConformance } from '@lvzhi/testing';
import { usePostgres } from './testFixtures/usePostgres.ts';

const postgres = usePostgres();

describeEventStoreConformance('PostgresEventStore (a real server, a fresh schema per test)', async () => {
  const { store, cleanup } = await postgres.openStore();
  return { store, cleanup };
});
