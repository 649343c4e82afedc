import { endOfDateInput, seatsOf } from '@lvzhi/core';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { ExitCode } from '../exitCodes.ts';
import { write } from '../io.ts';
import { formatRows } from '../output/table.ts';
import { chooseCommittees, zoneOf } from '../projections/committees.ts';
import { instantInput, isoOf } from '../projections/instants.ts';
import { caughtUp, scoped, scopedAsOf, withRecord } from '../projections/openRecord.ts';
import { type ReportFormat, reportFormatOption, withNote } from '../projections/reportFormat.ts';
import { formatOption, type OutputFormat } from './formatOption.ts';
import { positiveInteger } from './positiveInteger.ts';

interface ArchiveOptions {
  readonly term?: number;
  readonly year?: number;
  readonly committee?: string;
  readonly asOf?: string;
  readonly format: ReportFormat;
}

/** `lvzhi archive MEMBER`: a member's archive for a term (一人一届一档). */
export function registerArchive(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('archive')
    .description(t.archiveDescription)
    .argument('<member>', t.archiveMember)
    .option('--term <n>', t.archiveOptTerm, positiveInteger)
    .option('--year <year>', t.archiveOptYear, positiveInteger)
    .option('--committee <id>', t.archiveOptCommittee)
    .option('--as-of <instant>', t.projOptAsOf, instantInput)
    .addOption(reportFormatOption(t, ['md', 'json']))
    .action(async (memberId: string, options: ArchiveOptions, command: Command) => {
      await withRecord(command, ctx, 'write', async (record) => {
        const { archiveToMarkdown, memberArchive } = await import('@lvzhi/archive');
        const index = await caughtUp(record);
        const { state: current } = await scoped(record, index, { memberId });
        const seats = seatsOf(current, memberId);
        if (seats.length === 0) throw new Error(t.archiveUnknownMember(memberId));
        const matching = seats.filter(
          (s) =>
            (options.committee === undefined || s.committeeId === options.committee) &&
            (options.term === undefined || s.term === options.term),
        );
        if (matching.length === 0) {
          throw new Error(t.archiveNoSeat(memberId, seats.map((s) => `${s.committeeId}/${s.term}`).sort()));
        }
        const asOfMs =
          options.asOf === undefined
            ? undefined
            : endOfDateInput(
                options.asOf,
                zoneOf(current, [...new Set(matching.map((s) => s.committeeId))], t),
              );
        const state = asOfMs === undefined ? current : await scopedAsOf(record, index, { memberId }, asOfMs);
        const archive = memberArchive(state, {
          memberId,
          ...(options.term === undefined ? {} : { term: options.term }),
          ...(options.committee === undefined ? {} : { committeeId: options.committee }),
          ...(options.year === undefined ? {} : { year: options.year }),
        });
        const asOf = asOfMs === undefined ? undefined : isoOf(asOfMs);
        if (!archive) throw new Error(`${t.archiveUnknownMember(memberId)} · ${t.projAsOfNote(asOf ?? '')}`);
        if (options.format === 'json') {
          await write(
            ctx.io.stdout,
            `${JSON.stringify(asOf === undefined ? archive : { asOf, ...archive })}\n`,
          );
        } else {
          const text = archiveToMarkdown(archive, ctx.lang);
          await write(ctx.io.stdout, asOf === undefined ? text : withNote(text, t.projAsOfNote(asOf)));
        }
      });
      ctx.setExitCode(ExitCode.ok);
    });
}

interface MembersOptions {
  readonly committee?: string;
  readonly term?: number;
  readonly format: OutputFormat;
}

/** `lvzhi members`: the member seats of the record, to find member ids. */
export function registerMembers(program: Command, ctx: CommandContext): void {
  const { t } = ctx;
  program
    .command('members')
    .description(t.membersDescription)
    .option('--committee <id>', t.membersOptCommittee)
    .option('--term <n>', t.projOptTerm, positiveInteger)
    .addOption(formatOption(t))
    .action(async (options: MembersOptions, command: Command) => {
      await withRecord(command, ctx, 'write', async (record) => {
        const { listMembers } = await import('@lvzhi/archive');
        const index = await caughtUp(record);
        if (options.committee !== undefined) {
          chooseCommittees((await scoped(record, index, 'committees')).state, [options.committee], t);
        }
        const scope = options.committee === undefined ? 'all' : { committeeId: options.committee };
        const { state } = await scoped(record, index, scope);
        const members = listMembers(state, {
          ...(options.committee === undefined ? {} : { committeeId: options.committee }),
          ...(options.term === undefined ? {} : { term: options.term }),
        });
        if (options.format === 'json') {
          await write(ctx.io.stdout, `${JSON.stringify({ members })}\n`);
          return;
        }
        const rows = members.map((m) => [
          m.memberId,
          m.name,
          m.committeeId,
          String(m.term),
          m.sector,
          m.standing ? t.membersStanding : '',
          m.appointedOn,
          m.endedOn === undefined ? '' : `${m.endedOn} (${m.endReason ?? ''})`,
        ]);
        const table = rows.length === 0 ? '' : formatRows([t.membersHeaders, ...rows], [], new Set([3]));
        await write(ctx.io.stdout, `${table}${t.membersFooter(members.length)}\n`);
      });
      ctx.setExitCode(ExitCode.ok);
    });
}
