// The writer thread of a SqliteEventStore opened with `appendThread: true` (see appendThread.ts). It is plain
// JavaScript because worker threads load their file with Node's own loader, which does not read TypeScript
// on Node 20. It chains (hashes) and inserts rows the store has already checked and versioned
// (threadAppendPlan.ts), in one BEGIN IMMEDIATE transaction per message, and only if no other connection
// wrote since the store's last append; every other case is answered `ok: false`, and the store then appends
// on its own connection.

import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { eventHash } from '@lvzhi/core/eventHash';
import Database from 'better-sqlite3';

const { path, busyTimeoutMs, walAutocheckpointPages, insertSql, headPositionSql, columns, file } = workerData;
const db = new Database(path, { fileMustExist: true, timeout: busyTimeoutMs });
db.pragma('synchronous = NORMAL');
db.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
const insert = db.prepare(insertSql);
const headPosition = db.prepare(headPositionSql).pluck();

function sameFile() {
  if (file === null) return true;
  const now = statSync(path, { throwIfNoEntry: false });
  return now !== undefined && now.dev === file.dev && now.ino === file.ino;
}

function append(expectedTop, rows) {
  db.exec('BEGIN IMMEDIATE');
  try {
    if ((headPosition.get() ?? 0) !== expectedTop) {
      db.exec('ROLLBACK');
      return { ok: false, reason: 'another writer appended since' };
    }
    const count = rows.length / columns;
    const positions = new Float64Array(count);
    const hashes = new Array(count);
    /** The hash of each stream's last row so far in this batch. */
    const chained = new Map();
    for (let i = 0, k = 0; i < count; i++, k += columns) {
      const [eventId, streamId, version, type, schemaVersion, data, metadata, recordedAt, given] = rows.slice(
        k,
        k + columns,
      );
      const prevHash = given === '' ? chained.get(streamId) : given;
      const hash = eventHash(prevHash, eventId, streamId, version, type, schemaVersion, data, metadata);
      chained.set(streamId, hash);
      hashes[i] = hash;
      const inserted = insert.run(
        eventId,
        streamId,
        version,
        type,
        schemaVersion,
        data,
        metadata,
        recordedAt,
        prevHash,
        hash,
      );
      positions[i] = Number(inserted.lastInsertRowid);
    }
    // Before COMMIT: a file deleted or replaced under an open connection would take the commit with it.
    if (!sameFile()) {
      db.exec('ROLLBACK');
      return { ok: false, reason: 'the file was removed or replaced' };
    }
    db.exec('COMMIT');
    return { ok: true, positions, hashes };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    return { ok: false, reason: `${error?.code ?? 'error'}: ${error?.message ?? String(error)}` };
  }
}

parentPort.on('message', (message) => {
  if (message.kind === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const reply = append(message.expectedTop, message.rows);
  parentPort.postMessage({ id: message.id, ...reply }, reply.ok ? [reply.positions.buffer] : []);
});
