import { StoreUnavailableError } from '@lvzhi/core';

/** SQLSTATE codes and classes that mean the store cannot be used, with the cause in plain words. */
const UNAVAILABLE_STATES: readonly (readonly [prefix: string, cause: string])[] = [
  ['28P01', 'authentication failed (wrong user name or password)'],
  ['28', 'the server refused the connection (authorization)'],
  ['3D000', 'the database does not exist'],
  ['08', 'the connection to the server failed'],
  ['57P01', 'the server terminated the connection (shut down, or the session was killed)'],
  ['57P02', 'the server terminated the connection (crash shutdown)'],
  ['57P03', 'the server is starting up or shutting down and accepts no connections'],
  ['57014', 'the statement was cancelled (statement timeout or an administrator)'],
  ['53100', 'the server is out of disk space'],
  ['53200', 'the server is out of memory'],
  ['53300', 'the server has too many connections'],
  ['53', 'the server is out of resources'],
  ['25006', 'the server is read-only (a standby, or default_transaction_read_only)'],
  ['42501', 'permission denied (the user lacks a privilege on the store schema)'],
  ['58', 'the server reported a system error'],
  ['XX', 'the server reported an internal error'],
];

/** Node network errors that mean the server cannot be reached. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (is the server running and listening there?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
};

const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed|not queryable|Cannot use a pool after calling end/i;

interface PgLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
}

function unavailableCause(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code } = error as PgLikeError;
  if (typeof code === 'string') {
    if (code in NETWORK_CODES) return NETWORK_CODES[code];
    if (/^[0-9A-Z]{5}$/.test(code))
      return UNAVAILABLE_STATES.find(([prefix]) => code.startsWith(prefix))?.[1];
  }
  if (CONNECTION_MESSAGES.test(error.message)) return 'the connection to the server was lost';
  return undefined;
}

/**
 * Translates a failure talking to the server into a `StoreUnavailableError` naming the server and the
 * cause; other errors (the port's own, defects) are returned unchanged.
 */
export function toStoreError(error: unknown, where: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const pgError = error as PgLikeError;
  const cause = unavailableCause(error);
  if (cause === undefined) return error;
  const code = typeof pgError.code === 'string' ? `${pgError.code}: ` : '';
  return new StoreUnavailableError(
    `PostgreSQL event store ${where}: ${cause} (${code}${(error as Error).message})`,
    { cause: error },
  );
}

/** The error of any operation on a closed store. */
export function closedError(where: string): StoreUnavailableError {
  return new StoreUnavailableError(`PostgreSQL event store ${where}: the store is closed`);
}

/** The error of a failure while connecting or migrating, whatever its kind. */
export function openError(error: unknown, where: string): StoreUnavailableError {
  const mapped = toStoreError(error, where);
  if (mapped instanceof StoreUnavailableError) return mapped;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`PostgreSQL event store ${where}: cannot open: ${reason}`, {
    cause: error,
  });
}

/** Whether a transaction failed only because it lost a deadlock or serialization race (safe to retry). */
export function isRetryable(error: unknown): boolean {
  const code = (error as PgLikeError)?.code;
  return code === '40P01' || code === '40001';
}
