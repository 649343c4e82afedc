import { UnavailableError } from '@eventstore/db-client';
import { StoreUnavailableError } from '@lvzhi/core';
import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type EsdbClient } from './client.ts';
import { toStoreError } from './storeErrors.ts';

// The real client against a port where nothing listens: no server is needed to see how it fails.
const UNREACHABLE = 'esdb://127.0.0.1:1?tls=false';

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the client against an unreachable server', () => {
  let client: EsdbClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
  });

  it('throws a raw gRPC error (code 14) from append and an UnavailableError from reads: both become StoreUnavailableError', async () => {
    client = connectClient(UNREACHABLE);
    const opened = client;
    const append = await failureOf(() =>
      opened.append(
        's',
        [{ kind: 'json', id: crypto.randomUUID(), type: 'T', data: {}, metadata: {} }],
        'any',
      ),
    );
    const read = await failureOf(async () => {
      for await (const _ of opened.readStream('s', { from: 'start', direction: 'forwards', maxCount: 1 })) {
        // nothing arrives
      }
    });
    expect(append).not.toBeInstanceOf(UnavailableError);
    expect(append).toMatchObject({ code: 14 });
    expect(read).toBeInstanceOf(UnavailableError);
    expect(toStoreError(append, UNREACHABLE)).toBeInstanceOf(StoreUnavailableError);
    expect(toStoreError(read, UNREACHABLE)).toBeInstanceOf(StoreUnavailableError);
  });

  it('refuses a connection string it cannot parse at once', () => {
    expect(() => connectClient('postgres://localhost')).toThrow();
  });
});
