import type { ProjectionStatus } from '@lvzhi/core';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { formatRows } from '../output/table.ts';
import { folding, type OpenedRecord, withRecord } from '../projections/openRecord.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

const RIGHT = new Set([1, 2, 3, 4, 5]);

/** `lvzhi projections status|rebuild`: the projections the reports read. */
export function registerProjections(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  const projections = program.command('projections').description(t.projectionsDescription);
  projections
    .command('status')
    .description(t.projectionsStatusDescription)
    .option('--anomalies <n>', t.projectionsOptAnomalies, positiveInteger, 5)
    .addOption(formatOption(t))
    .action(async (options: { anomalies: number; format: OutputFormat }, command: Command) => {
      await withRecord(command, ctx, 'read', async (record) => {
        await printStatus(record, await record.runtime.status(), options);
      });
      ctx.setExitCode(ExitCode.ok);
    });
  projections
    .command('rebuild')
    .description(t.projectionsRebuildDescription)
    .addOption(formatOption(t))
    .action(async (options: { format: OutputFormat }, command: Command) => {
      await withRecord(command, ctx, 'write', async (record) => {
        const started = performance.now();
        await folding(record, () => record.runtime.rebuild());
        const seconds = (performance.now() - started) / 1000;
        await printRebuilt(record, await record.runtime.status(), seconds, options.format);
      });
      ctx.setExitCode(ExitCode.ok);
    });
}

function statusJson(s: ProjectionStatus, shown: number) {
  const { anomalies, ...rest } = s;
  return { ...rest, anomalyCount: anomalies.length, anomalies: anomalies.slice(0, shown) };
}

async function printStatus(
  record: OpenedRecord,
  statuses: readonly ProjectionStatus[],
  options: { anomalies: number; format: OutputFormat },
): Promise<void> {
  const { io, t } = record.ctx;
  if (options.format === 'json') {
    const projections = statuses.map((s) => statusJson(s, options.anomalies));
    await write(io.stdout, `${JSON.stringify({ durable: record.durable, projections })}\n`);
    return;
  }
  const rows = statuses.map((s) => [
    s.name,
    String(s.version),
    String(s.checkpoint),
    String(s.head),
    String(s.lag),
    String(s.anomalies.length),
  ]);
  let text = formatRows([t.projectionsHeaders, ...rows], [], RIGHT);
  for (const s of statuses) {
    if (s.anomalies.length === 0) continue;
    const shown = s.anomalies.slice(0, options.anomalies);
    const anomalyRows = shown.map((a) => [String(a.position), a.type, a.eventId, a.message]);
    text += `\n${t.projectionsAnomaliesHeading(s.name, shown.length, s.anomalies.length)}\n`;
    text += formatRows([t.projectionsAnomalyHeaders, ...anomalyRows], [], new Set([0]));
  }
  if (!record.durable) text += `\n${t.projectionsInMemory}\n`;
  await write(io.stdout, text);
}

async function printRebuilt(
  record: OpenedRecord,
  statuses: readonly ProjectionStatus[],
  seconds: number,
  format: OutputFormat,
): Promise<void> {
  const { io, t } = record.ctx;
  if (format === 'json') {
    const projections = statuses.map((s) => statusJson(s, 0));
    await write(
      io.stdout,
      `${JSON.stringify({ saved: record.saving, seconds: Math.round(seconds * 1000) / 1000, projections })}\n`,
    );
    return;
  }
  const lines = statuses.map((s) =>
    t.projectionsRebuilt(s.name, s.version, s.checkpoint, s.anomalies.length),
  );
  if (!record.durable) lines.push(t.projectionsInMemory);
  await write(io.stdout, `${[...lines, t.projectionsRebuiltIn(seconds)].join('\n')}\n`);
}
