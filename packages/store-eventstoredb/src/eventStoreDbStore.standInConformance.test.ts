import { describeEventStoreConformance } from '@lvzhi/testing';
import { afterAll, beforeAll } from 'vitest';
import { EventStoreDbStore, type InternalStoreOptions } from './eventStoreDbStore.ts';
import { EsdbStandIn } from './testStandIn/esdbStandIn.ts';

// The whole conformance suite through the real client against the in-process STAND-IN: it shows the adapter
// meets the port wherever the stand-in models the server faithfully; only LVZHI_ESDB_URL runs it for real.
let standIn: EsdbStandIn;
let count = 0;
beforeAll(async () => {
  standIn = await EsdbStandIn.start();
});
afterAll(async () => {
  await standIn.stop();
});

describeEventStoreConformance(
  'EventStoreDbStore (real client, in-process STAND-IN server, a fresh stream prefix per test)',
  async () => {
    const options: InternalStoreOptions = { streamPrefix: `t${++count}.`, logStartsNow: true };
    return { store: await EventStoreDbStore.connect(standIn.connectionString, options) };
  },
);
