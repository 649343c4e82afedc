import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readLines } from '@lvzhi/cli';
import { newEventId } from '@lvzhi/core';
import Database from 'better-sqlite3';

const ID_FIELDS = ['memberId', 'meetingId', 'proposalId', 'opinionId', 'committeeId'] as const;

/**
 * The ceiling of `lvzhi record`: the least work any correct recorder must do per line — read it, `JSON.parse`
 * it, SHA-256 its payload, mint an id (UUIDv7, as
 * the store's events get), and insert it with a prepared statement into a table with the same
 * schema and indexes as the store's events table (`schemaSql`), 1,000 rows per transaction. Returns lines/s.
 */
export async function ceilingRate(
  input: string,
  dbPath: string,
  schemaSql: readonly string[],
): Promise<number> {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const sql of schemaSql) db.exec(sql);
  const insert = db.prepare(
    `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at,
      prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  type Row = [string, string, number, string, number, string, string, string, string, string];
  const insertBatch = db.transaction((rows: Row[]) => {
    for (const r of rows) insert.run(...r);
  });
  const heads = new Map<string, { version: number; hash: string }>();
  let batch: Row[] = [];
  let lines = 0;
  const started = performance.now();
  for await (const line of readLines(createReadStream(input, { highWaterMark: 256 * 1024 }))) {
    if (!('text' in line)) continue;
    const command = JSON.parse(line.text) as {
      command: string;
      data: Record<string, unknown>;
      meta: { recordedAt: string };
    };
    const key = ID_FIELDS.find((f) => typeof command.data[f] === 'string') ?? 'committeeId';
    const streamId = `${key}-${String(command.data[key])}`;
    const head = heads.get(streamId) ?? { version: 0, hash: '0'.repeat(64) };
    const data = JSON.stringify(command.data);
    const hash = createHash('sha256').update(head.hash).update(data).digest('hex');
    const version = head.version + 1;
    heads.set(streamId, { version, hash });
    batch.push([
      newEventId(),
      streamId,
      version,
      command.command,
      1,
      data,
      JSON.stringify(command.meta),
      command.meta.recordedAt,
      head.hash,
      hash,
    ]);
    lines += 1;
    if (batch.length >= 1000) {
      insertBatch(batch);
      batch = [];
    }
  }
  insertBatch(batch);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return lines / seconds;
}
