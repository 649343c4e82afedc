import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from '@lvzhi/core';
import Database from 'better-sqlite3';

/** SQLite result codes that mean the store cannot be used, with the cause in plain words. */
const UNAVAILABLE_CAUSES: readonly (readonly [code: string, cause: string])[] = [
  ['SQLITE_BUSY', 'the database stayed locked by another connection for longer than the busy timeout'],
  [
    'SQLITE_READONLY',
    'the database is read-only (it was opened read-only, or the file or its directory is not writable)',
  ],
  ['SQLITE_FULL', 'the disk or file system is full'],
  ['SQLITE_CANTOPEN', 'the file cannot be opened (it or its directory is missing, or access is denied)'],
  ['SQLITE_NOTADB', 'the file is not an SQLite database'],
  ['SQLITE_CORRUPT', 'the database file is corrupt'],
  ['SQLITE_IOERR', 'the operating system reported an I/O error'],
  ['SQLITE_PERM', 'access to the file was denied'],
  ['SQLITE_PROTOCOL', 'the write-ahead log lock could not be taken (file system without proper locking?)'],
  ['SQLITE_NOLFS', 'the file system does not support files this large'],
];

function quoted(path: string): string {
  return `'${path}'`;
}

/**
 * Translates a failure of the SQLite file at `path` into a `StoreUnavailableError` naming the file and
 * the cause; other errors (the port's own errors, defects) are returned unchanged.
 */
export function toStoreError(error: unknown, path: string): unknown {
  if (error instanceof Database.SqliteError) {
    const code = error.code;
    const known = UNAVAILABLE_CAUSES.find(([c]) => code === c || code.startsWith(`${c}_`));
    if (known) {
      return new StoreUnavailableError(
        `SQLite event store ${quoted(path)}: ${known[1]} (${code}: ${error.message})`,
        {
          cause: error,
        },
      );
    }
    return error;
  }
  if (error instanceof TypeError && /database connection is not open/i.test(error.message)) {
    return closedError(path);
  }
  return error;
}

/** The error of any operation on a closed store. */
export function closedError(path: string): StoreUnavailableError {
  return new StoreUnavailableError(`SQLite event store ${quoted(path)}: the store is closed`);
}

/**
 * Why the file cannot be opened for writing, asked of the file system: SQLite reports a read-only file
 * system or a missing directory only as "unable to open database file" (its WAL and shared-memory files are
 * created beside the database, so the directory must be writable too).
 */
function openCause(path: string): string | undefined {
  if (path === ':memory:' || path === '') return undefined;
  const dir = dirname(path);
  if (!existsSync(dir)) return `its directory ${quoted(dir)} does not exist`;
  for (const target of existsSync(path) ? [path, dir] : [dir]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EROFS') return `the file system holding ${quoted(target)} is read-only`;
      if (code === 'EACCES' || code === 'EPERM')
        return `${quoted(target)} is not writable (permission denied)`;
    }
  }
  return undefined;
}

/** The error of a failure while opening the file, whatever its kind. */
export function openError(error: unknown, path: string): StoreUnavailableError {
  if (
    error instanceof Database.SqliteError &&
    /^SQLITE_(CANTOPEN|READONLY)/.test(error.code) &&
    openCause(path) !== undefined
  ) {
    return new StoreUnavailableError(
      `SQLite event store ${quoted(path)}: cannot open: ${openCause(path)} (${error.code}: ${error.message})`,
      { cause: error },
    );
  }
  const mapped = toStoreError(error, path);
  if (mapped instanceof StoreUnavailableError) return mapped;
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`SQLite event store ${quoted(path)}: cannot open: ${reason}`, {
    cause: error,
  });
}
