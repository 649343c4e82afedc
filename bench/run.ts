import { postgresRebuildBenchmark } from './postgresRebuild.ts';
import { rebuildBenchmark } from './rebuild.ts';
import { recordBenchmark } from './record.ts';

/**
 * `pnpm bench [--commands N] [--rounds N] [--only ceiling|record] [--rebuild-events N] [--skip-rebuild]
 * [--skip-record] [--postgres-events N] [--skip-postgres]`:
 * runs the benchmarks and prints their figures (the PostgreSQL one says why it is skipped when no server can
 * be started).
 */
const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const commands = value('--commands');
const rounds = value('--rounds');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? (args[onlyAt + 1] as 'ceiling' | 'record') : undefined;
if (!args.includes('--skip-record')) {
  console.log('record benchmark');
  await recordBenchmark({
    ...(commands ? { commands } : {}),
    ...(rounds ? { rounds } : {}),
    ...(only ? { only } : {}),
  });
}

if (!args.includes('--skip-rebuild')) {
  console.log('rebuild benchmark');
  const events = value('--rebuild-events');
  await rebuildBenchmark({ ...(events ? { events } : {}), ...(rounds ? { rounds } : {}) });
}

if (!args.includes('--skip-postgres')) {
  console.log('PostgreSQL benchmark (append and rebuild, against SQLite in the same run)');
  const events = value('--postgres-events');
  await postgresRebuildBenchmark({ ...(events ? { events } : {}), ...(rounds ? { rounds } : {}) });
}
