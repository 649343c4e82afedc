import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annualAnalysis } from '@lvzhi/analysis';
import { memberArchive } from '@lvzhi/archive';
import {
  indexedMembers,
  loadDutyRecord,
  ProjectionRuntime,
  type RecordIndexState,
  recordIndexProjection,
} from '@lvzhi/core';
import { SqliteEventStore, SqliteProjectionStore } from '@lvzhi/store-sqlite';
import { generateYear } from './generateYear.ts';
import { recordRate } from './record.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function child(
  mode: 'ceiling' | 'rebuild',
  db: string,
): { events: number; seconds: number; peakRssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'rebuildChild.ts'), mode, db],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/**
 * The rebuild benchmark: records a generated year of `events` commands into SQLite, then measures, each in a
 * fresh process, the raw ceiling (read every row in order + JSON.parse of its data) and a rebuild of every
 * projection; prints both rates, their ratio (goal ≥ 0.65), the rebuild's peak RSS (goal ≤ 500 MB at 1M
 * events) and the catch-up latency for 1,000 new events.
 */
export async function rebuildBenchmark(options: { readonly events?: number; readonly rounds?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lvzhi-rebuild-'));
  try {
    const all = join(dir, 'year.jsonl');
    const total = await generateYear(all, { commands: options.events ?? 1_000_000, seed: 2019 });
    const lines = readFileSync(all, 'utf8').trimEnd().split('\n');
    const head = join(dir, 'head.jsonl');
    const tail = join(dir, 'tail.jsonl');
    writeFileSync(head, `${lines.slice(0, -1000).join('\n')}\n`);
    writeFileSync(tail, `${lines.slice(-1000).join('\n')}\n`);
    const db = join(dir, 'lvzhi.db');
    const { rate } = await recordRate(head, db);
    console.log(`recorded ${fmt(total - 1000)} commands (${fmt(rate)} lines/s)`);
    const ceilings: number[] = [];
    const rebuilds: { rate: number; rss: number }[] = [];
    for (let i = 0; i < (options.rounds ?? 2); i++) {
      const c = child('ceiling', db);
      ceilings.push(c.events / c.seconds);
      console.log(`  ceiling  ${fmt(c.events / c.seconds)} events/s`);
      const r = child('rebuild', db);
      rebuilds.push({ rate: r.events / r.seconds, rss: r.peakRssMb });
      console.log(`  rebuild  ${fmt(r.events / r.seconds)} events/s, peak RSS ${fmt(r.peakRssMb)} MB`);
    }
    const bestCeiling = Math.max(...ceilings);
    const best = rebuilds.reduce((a, b) => (b.rate > a.rate ? b : a));
    const ratio = best.rate / bestCeiling;
    console.log(`ceiling (read every row in order + JSON.parse): ${fmt(bestCeiling)} events/s`);
    console.log(`rebuild of every projection: ${fmt(best.rate)} events/s, peak RSS ${fmt(best.rss)} MB`);
    console.log(`ratio ${ratio.toFixed(2)} (goal ≥ 0.65)${ratio < 0.65 ? '  BELOW THE GOAL' : ''}`);
    // Catch-up latency: 1,000 new events after a caught-up state.
    await recordRate(tail, db);
    const store = SqliteEventStore.open(db);
    const runtime = new ProjectionRuntime(store, new SqliteProjectionStore(store), [recordIndexProjection]);
    const started = performance.now();
    await runtime.catchUp();
    console.log(
      `catch-up of 1,000 new events (load the saved index, apply, save): ${fmt(performance.now() - started)} ms`,
    );
    // What a query costs now that it folds its scope from the log: one member's archive, a committee's analysis.
    const index = runtime.state<RecordIndexState>(recordIndexProjection.name);
    const memberId = indexedMembers(index).sort()[0]!;
    let at = performance.now();
    const mine = await loadDutyRecord(store, index, { memberId });
    memberArchive(mine.state, { memberId });
    console.log(`archive of one member (fold their streams + query): ${fmt(performance.now() - at)} ms`);
    const committeeId = index.committees[0]!;
    at = performance.now();
    const theirs = await loadDutyRecord(store, index, { committeeId });
    annualAnalysis(theirs.state, { committeeId, year: 2019 });
    console.log(`analysis of the committee (fold its streams + query): ${fmt(performance.now() - at)} ms`);
    await store.close();
    return { ceiling: bestCeiling, rebuild: best.rate, ratio, peakRssMb: best.rss };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
