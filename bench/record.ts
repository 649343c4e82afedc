import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type LineTag, openStore, type RecordSummary, readLines, recordLines } from '@lvzhi/cli';
import { CommandHandler } from '@lvzhi/core';
import { SqliteEventStore } from '@lvzhi/store-sqlite';
import { ceilingRate } from './ceiling.ts';
import { generateYear } from './generateYear.ts';
import { medianRoundRatio } from './ratios.ts';

/** Commands in the generated year. */
export const RECORD_BENCH_COMMANDS = 200_000;

/** The events table's schema as the SQLite store creates it: the ceiling uses the same table and indexes. */
function storeSchema(dir: string): string[] {
  const store = SqliteEventStore.open(join(dir, 'schema.db'));
  try {
    return store.database
      .prepare(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL ORDER BY type DESC",
      )
      .pluck()
      .all() as string[];
  } finally {
    void store.close();
  }
}

/** `lvzhi record`'s own path: streaming lines, CommandHandler, SqliteEventStore, a flush every 1,000 commands. */
export async function recordRate(
  input: string,
  dbPath: string,
): Promise<{ rate: number; summary: RecordSummary }> {
  const store = await openStore(`sqlite:${dbPath}`, { cwd: process.cwd() });
  try {
    const started = performance.now();
    const summary = await recordLines(
      readLines(createReadStream(input, { highWaterMark: 256 * 1024 })),
      new CommandHandler<LineTag>(store),
      { source: basename(input), batchSize: 1000 },
    );
    const seconds = (performance.now() - started) / 1000;
    return { rate: summary.lines / seconds, summary };
  } finally {
    await store.close();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * The record benchmark: generates a 200,000-command year, then measures the ceiling and `lvzhi record`
 * alternately (ceiling, record, record, ceiling), each into a fresh SQLite file, and reports the best of each
 * and their ratio (goal ≥ 0.8, floor 0.65).
 */
export async function recordBenchmark(
  options: {
    readonly commands?: number;
    readonly rounds?: number;
    readonly only?: 'ceiling' | 'record';
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-bench-'));
  try {
    const input = join(dir, 'year.jsonl');
    const t0 = performance.now();
    const lines = await generateYear(input, {
      commands: options.commands ?? RECORD_BENCH_COMMANDS,
      seed: 2019,
    });
    console.log(
      `generated ${fmt(lines)} commands in ${((performance.now() - t0) / 1000).toFixed(1)} s (${input})`,
    );
    const schema = storeSchema(dir);
    const ceilings: number[] = [];
    const records: number[] = [];
    let run = 0;
    const ceiling = async () => {
      const rate = await ceilingRate(input, join(dir, `ceiling-${++run}.db`), schema);
      ceilings.push(rate);
      console.log(`  ceiling  ${fmt(rate)} lines/s`);
    };
    const record = async () => {
      const { rate, summary } = await recordRate(input, join(dir, `record-${++run}.db`));
      records.push(rate);
      console.log(
        `  record   ${fmt(rate)} lines/s (${fmt(summary.recorded)} recorded, ${summary.rejected} rejected)`,
      );
      if (summary.rejected > 0 || summary.recorded !== lines)
        throw new Error('the generated year must be accepted whole');
    };
    const rounds = options.rounds ?? 2;
    for (let i = 0; i < rounds; i++) {
      if (options.only === 'ceiling') await ceiling();
      else if (options.only === 'record') await record();
      else if (i % 2 === 0) {
        await ceiling();
        await record();
      } else {
        await record();
        await ceiling();
      }
    }
    if (options.only) return undefined;
    const best = { ceiling: Math.max(...ceilings), record: Math.max(...records) };
    const ratio = best.record / best.ceiling;
    console.log(
      `ceiling (JSON.parse + SHA-256 + id + prepared insert, 1,000 rows/transaction): ${fmt(best.ceiling)} lines/s`,
    );
    console.log(
      `lvzhi record (validate, decide, hash chain, SqliteEventStore with its writer thread, flush per 1,000): ${fmt(best.record)} lines/s`,
    );
    console.log(
      `ratio ${ratio.toFixed(2)} (goal ≥ 0.80, floor 0.65)${ratio < 0.65 ? '  BELOW THE FLOOR' : ''}; median of the rounds' ratios ${medianRoundRatio(records, ceilings).toFixed(2)}`,
    );
    return { lines, ...best, ratio };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
