import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleLines } from '@lvzhi/sample-data';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditHere,
  canMount,
  digest,
  firstLines,
  isWholeBatches,
  mountTinyFs,
  STACK,
  sourceLines,
} from './faultHarness.ts';
import { type CliRun, eventRows, integrity, isComplete, runCli, startCli } from './harness.ts';

/**
 * Item 5 of issue 8, on SQLite through the CLI: a locked, corrupt, full or read-only store file. Each fault
 * gives a clear error (the store, the file, what happened), exit 1 without a stack trace, and writes nothing
 * half: the failing run wrote nothing or whole transactions (`--batch-size 300`: lines 1…k × 300), the chain
 * verifies, and once the fault is gone the same file recorded again ends with every line exactly once.
 */
const BATCH = 300;
const N = 3000;
/** Lines in the backup / template store. */
const PART = 1200;

let dir = '';
let file = '';
/** A store holding the first 1,200 lines, recorded once and copied for each test that starts from it. */
let template = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lvzhi-storage-faults-'));
  const lines: string[] = [];
  for (const line of sampleLines({ seed: 2019 })) if (lines.push(line) >= N) break;
  file = join(dir, 'lines.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  // The first 1,200 lines under the same file name (sources are `lines.jsonl:<line>` either way).
  mkdirSync(join(dir, 'part'));
  const part = join(dir, 'part', 'lines.jsonl');
  writeFileSync(part, `${lines.slice(0, PART).join('\n')}\n`);
  template = join(dir, 'template.db');
  expect((await record(template, part)).code).toBe(0);
  expect(existsSync(`${template}-wal`)).toBe(false);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Overwrites the first bytes of a file (the SQLite header is its first 100). */
function overwriteHeader(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0);
  } finally {
    closeSync(fd);
  }
}

const record = (db: string, input = file): Promise<CliRun> =>
  runCli(['--store', `sqlite:${db}`, 'record', input, '--format', 'json', '--batch-size', String(BATCH)]);

/** A failure people can read: exit 1, the store and its file named, the cause in words, no stack trace. */
function expectClearFailure(run: CliRun, db: string, cause: RegExp): void {
  expect(run.code, run.stdout).toBe(1);
  expect(run.stderr).toContain(`SQLite event store '${db}'`);
  expect(run.stderr).toMatch(cause);
  expect(run.stderr).not.toMatch(STACK);
}

/** The next run after the fault records the rest: in the end every line once, whole, the chain intact. */
async function expectRecordedOnce(db: string, before: number): Promise<void> {
  const again = await record(db);
  expect(again.code, again.stderr).toBe(0);
  expect(JSON.parse(again.stdout)).toMatchObject({ recorded: N - before, noop: before, rejected: 0 });
  const rows = eventRows(db);
  expect(sourceLines(rows).sort((a, b) => a - b)).toEqual(firstLines(N));
  expect(rows.every(isComplete)).toBe(true);
  expect(integrity(db)).toBe('ok');
  expect(await auditHere(db)).toMatchObject({ intact: true, events: N });
}

const count = (db: string): number => {
  if (!existsSync(db)) return 0;
  const reader = new Database(db, { readonly: true, timeout: 1000 });
  try {
    return (reader.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    reader.close();
  }
};

describe('Given a store file that another process keeps locked beyond the busy timeout', () => {
  it('stops with a clear error after the whole transactions before the lock, and the next run goes on', async () => {
    const db = join(dir, 'locked.db');
    const run = startCli([
      '--store',
      `sqlite:${db}`,
      'record',
      file,
      '--format',
      'json',
      '--batch-size',
      String(BATCH),
    ]);
    let finished = false;
    void run.done.then(() => {
      finished = true;
    });
    while (!finished && count(db) < 2 * BATCH) await new Promise((r) => setTimeout(r, 10));
    expect(finished, 'the run ended before the lock was taken').toBe(false);
    // Another writer takes the write lock between two of the recorder's transactions and keeps it.
    const holder = new Database(db, { timeout: 20_000 });
    holder.exec('BEGIN IMMEDIATE');
    const failed = await run.done;
    holder.exec('ROLLBACK');
    holder.close();
    expectClearFailure(failed, db, /locked by another connection/);
    const rows = eventRows(db);
    expect(rows.length).toBeGreaterThanOrEqual(2 * BATCH);
    expect(rows.length).toBeLessThan(N);
    expect(isWholeBatches(rows, BATCH)).toBe(true);
    expect(await auditHere(db)).toMatchObject({ intact: true, events: rows.length });
    await expectRecordedOnce(db, rows.length);
  }, 60_000);
});

describe('Given a corrupt store file, and a backup of it taken after the first 1,200 lines', () => {
  const corruptions: readonly [string, (path: string) => void, RegExp][] = [
    ['a header overwritten with garbage', overwriteHeader, /not an SQLite database/],
    ['a file cut to half its length', (p) => truncateSync(p, Math.floor(statSync(p).size / 2)), /corrupt/],
    ['garbage bytes only', (p) => writeFileSync(p, Buffer.alloc(8192, 0xa5)), /not an SQLite database/],
  ];
  for (const [what, corrupt, cause] of corruptions) {
    it(`refuses ${what}, naming the file and the fault, writes nothing, and records the rest once the backup is back`, async () => {
      const db = join(dir, `corrupt-${what.replaceAll(' ', '-')}.db`);
      copyFileSync(template, db);
      corrupt(db);
      const before = digest(db);
      expectClearFailure(await record(db), db, cause);
      expect(digest(db)).toBe(before);
      copyFileSync(template, db);
      await expectRecordedOnce(db, PART);
    }, 60_000);
  }
});

const mountable = canMount(join(tmpdir(), `lvzhi-mount-probe-${process.pid}`));

describe('Given a store file on a file system that fills up part-way (a 1 MiB tmpfs)', () => {
  it.skipIf(mountable !== true)(
    `stops with "disk full" after whole transactions, and goes on once there is room${mountable === true ? '' : ` — skipped: ${mountable}`}`,
    async () => {
      const fs = mountTinyFs(join(dir, 'full'), '1m');
      if (typeof fs === 'string') throw new Error(fs);
      try {
        const db = join(fs.dir, 'full.db');
        expectClearFailure(await record(db), db, /disk or file system is full/);
        const rows = eventRows(db);
        expect(rows.length).toBeGreaterThanOrEqual(BATCH);
        expect(isWholeBatches(rows, BATCH)).toBe(true);
        expect(await auditHere(db)).toMatchObject({ intact: true, events: rows.length });
        fs.remount('size=64m');
        await expectRecordedOnce(db, rows.length);
      } finally {
        fs.unmount();
      }
    },
    60_000,
  );
});

describe('Given a store file on a read-only file system (or, for a user, without write permission)', () => {
  const root = process.getuid?.() === 0;
  const how = mountable === true ? 'tmpfs remounted read-only' : root ? undefined : 'chmod a-w';
  it.skipIf(how === undefined)(
    `refuses to record, naming the read-only file system, writes nothing, and goes on once writable${how ? ` (${how})` : ` — skipped: root ignores chmod and ${String(mountable)}`}`,
    async () => {
      const fs = mountable === true ? mountTinyFs(join(dir, 'ro'), '16m') : undefined;
      if (typeof fs === 'string') throw new Error(fs);
      const home = fs?.dir ?? join(dir, 'ro');
      mkdirSync(home, { recursive: true });
      const db = join(home, 'ro.db');
      try {
        copyFileSync(template, db);
        if (fs) fs.remount('ro');
        else {
          chmodSync(db, 0o444);
          chmodSync(home, 0o555);
        }
        const before = digest(db);
        expectClearFailure(await record(db), db, fs ? /read-only/ : /not writable|read-only/);
        expect(digest(db)).toBe(before);
        if (fs) fs.remount('rw');
        else {
          chmodSync(home, 0o755);
          chmodSync(db, 0o644);
        }
        await expectRecordedOnce(db, PART);
      } finally {
        fs?.unmount();
      }
    },
    60_000,
  );
});
