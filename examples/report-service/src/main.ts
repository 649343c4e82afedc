import { ApiFailure, fetchAnalysis, summarize } from './fetchAnalysis.ts';

/**
 * Prints a committee's annual analysis from a running `lvzhi serve`:
 * `LVZHI_URL=http://127.0.0.1:8787 LVZHI_TOKEN=… tsx src/main.ts cq 2019 [--json]`.
 */
async function main(argv: readonly string[]): Promise<number> {
  const [committeeId, yearText] = argv.filter((a) => !a.startsWith('--'));
  const token = process.env.LVZHI_TOKEN;
  if (committeeId === undefined || yearText === undefined || !/^\d{4}$/.test(yearText) || !token) {
    process.stderr.write('usage: LVZHI_URL=… LVZHI_TOKEN=… report-service COMMITTEE YEAR [--json]\n');
    return 2;
  }
  const api = { baseUrl: process.env.LVZHI_URL ?? 'http://127.0.0.1:8787', token };
  try {
    const body = await fetchAnalysis(api, committeeId, Number(yearText));
    if (argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(body.analysis)}\n`);
      return 0;
    }
    const s = summarize(body);
    process.stdout.write(
      [
        `${s.committeeName} (${s.committeeId}), ${s.year}`,
        `members seated: ${s.members}`,
        `members with nothing recorded: ${s.membersWithNothingRecorded}`,
        `as of log position ${s.checkpoint}`,
      ].join('\n') + '\n',
    );
    return 0;
  } catch (error) {
    const text =
      error instanceof ApiFailure ? `${error.status} ${error.code}: ${error.message}` : String(error);
    process.stderr.write(`report-service: ${text}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
