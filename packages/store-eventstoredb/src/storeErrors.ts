import {
  ConcurrencyError,
  CorruptEventError,
  DuplicateEventIdError,
  type ExpectedVersion,
  StoreUnavailableError,
} from '@lvzhi/core';
import { type ClientFailure, describeClientFailure } from './client.ts';
import { versionOfCurrentRevision } from './revisions.ts';

/** A connection string fit for messages: the password, if any, is masked. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/[^:@/]+:)[^@/]*@/i, '$1***@');
}

function isPortError(error: unknown): boolean {
  return (
    error instanceof StoreUnavailableError ||
    error instanceof ConcurrencyError ||
    error instanceof CorruptEventError ||
    error instanceof DuplicateEventIdError
  );
}

/**
 * Translates a client failure into the port's errors: an unreachable server, an expired deadline, a cluster
 * without a leader or refused credentials become `StoreUnavailableError` naming the server and the cause;
 * the port's own errors and anything else (defects) are returned unchanged.
 */
export function toStoreError(error: unknown, server: string): unknown {
  if (isPortError(error)) return error;
  const failure = describeClientFailure(error);
  switch (failure.kind) {
    case 'unavailable':
      return new StoreUnavailableError(
        `EventStoreDB ${server}: the server cannot be reached (${failure.reason})`,
        {
          cause: error,
        },
      );
    case 'access-denied':
      return new StoreUnavailableError(
        `EventStoreDB ${server}: access denied (${failure.reason}); the store's user must read $all and ` +
          "write the store's streams",
        { cause: error },
      );
    default:
      return error;
  }
}

/** A refused append (the server's wrong-expected-version) as our `ConcurrencyError`, in our 1-based versions. */
export function concurrencyErrorOf(
  failure: Extract<ClientFailure, { kind: 'wrong-expected-version' }>,
  streamId: string,
  expected: ExpectedVersion,
): ConcurrencyError {
  return new ConcurrencyError(streamId, expected, versionOfCurrentRevision(failure.current));
}

/** The error of any operation on a closed store. */
export function closedError(server: string): StoreUnavailableError {
  return new StoreUnavailableError(`EventStoreDB ${server}: the store is closed`);
}

/** The error of an append through a store opened read-only. */
export function readOnlyError(server: string): StoreUnavailableError {
  return new StoreUnavailableError(`EventStoreDB ${server}: the store was opened read-only`);
}
