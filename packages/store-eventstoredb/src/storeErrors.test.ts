import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { Metadata, type ServiceError, status } from '@grpc/grpc-js';
import {
  ConcurrencyError,
  CorruptEventError,
  DuplicateEventIdError,
  StoreUnavailableError,
} from '@lvzhi/core';
import { describe, expect, it } from 'vitest';
import { describeClientFailure } from './client.ts';
import { concurrencyErrorOf, redactConnectionString, toStoreError } from './storeErrors.ts';

const SERVER = 'esdb://db.example:2113?tls=false';

/** A raw gRPC error as `@grpc/grpc-js` rejects with it. */
function grpcError(code: status, details: string): ServiceError {
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), {
    code,
    details,
    metadata: new Metadata(),
  });
}

const refused = 'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:2113';

describe('errors of an unreachable server', () => {
  const unavailable: [string, unknown][] = [
    ['the raw gRPC error (code 14) that appendToStream throws', grpcError(status.UNAVAILABLE, refused)],
    [
      'the UnavailableError that readStream throws',
      new UnavailableError(grpcError(status.UNAVAILABLE, refused)),
    ],
    [
      'an expired deadline',
      new DeadlineExceededError(grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded')),
    ],
    ['a raw expired deadline', grpcError(status.DEADLINE_EXCEEDED, 'Deadline exceeded')],
    ['a call the server cancelled', new CancelledError(grpcError(status.CANCELLED, 'server shutdown'))],
    ['gossip seeds that never answer', new Error('Failed to discover after 10 attempts.')],
  ];
  for (const [name, error] of unavailable) {
    it(`become StoreUnavailableError naming the server and the cause: ${name}`, () => {
      const mapped = toStoreError(error, SERVER);
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect((mapped as Error).message).toContain(SERVER);
      expect((mapped as Error).cause).toBe(error);
    });
  }

  it('map refused credentials to StoreUnavailableError too, saying what the user needs', () => {
    for (const error of [
      new AccessDeniedError(grpcError(status.PERMISSION_DENIED, 'Access denied')),
      grpcError(status.UNAUTHENTICATED, 'Bad credentials'),
    ]) {
      const mapped = toStoreError(error, SERVER);
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect((mapped as Error).message).toMatch(/access denied.*\$all/);
    }
  });
});

describe('other errors', () => {
  it('pass through unchanged: the port’s own errors, defects, and failures with no store meaning', () => {
    const passing = [
      new ConcurrencyError('s', 1, 2),
      new DuplicateEventIdError('e'),
      new CorruptEventError(7, 'bad'),
      new StoreUnavailableError('down'),
      new TypeError('a defect'),
      grpcError(status.INVALID_ARGUMENT, 'bad request'),
      'not even an error',
    ];
    for (const error of passing) expect(toStoreError(error, SERVER)).toBe(error);
  });
});

describe('the server’s refusal of an expected revision', () => {
  it('is described with the stream’s current revision', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 'member-1',
      expected: 1n,
      current: 3n,
    });
    expect(describeClientFailure(error)).toEqual({
      kind: 'wrong-expected-version',
      streamName: 'member-1',
      current: 3n,
    });
  });

  it('becomes our ConcurrencyError in 1-based versions, keeping what the caller expected', () => {
    expect(
      concurrencyErrorOf(
        { kind: 'wrong-expected-version', streamName: 'member-1', current: 3n },
        'member-1',
        2,
      ),
    ).toMatchObject({ streamId: 'member-1', expected: 2, actual: 4 });
    expect(
      concurrencyErrorOf(
        { kind: 'wrong-expected-version', streamName: 'member-1', current: 'no_stream' },
        'member-1',
        'exists',
      ),
    ).toMatchObject({ streamId: 'member-1', expected: 'exists', actual: 0 });
  });
});

describe('a missing stream', () => {
  it('is recognised, so that reading it yields nothing', () => {
    expect(describeClientFailure(new StreamNotFoundError(undefined, 'member-1'))).toEqual({
      kind: 'stream-not-found',
    });
  });
});

describe('connection strings in messages', () => {
  it('hide the password', () => {
    expect(redactConnectionString('esdb://admin:changeit@db:2113?tls=true')).toBe(
      'esdb://admin:***@db:2113?tls=true',
    );
    expect(redactConnectionString('esdb+discover://ops:s3cr%40t@cluster.example:2113')).toBe(
      'esdb+discover://ops:***@cluster.example:2113',
    );
    expect(redactConnectionString(SERVER)).toBe(SERVER);
  });
});
