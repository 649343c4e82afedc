import { Option } from 'commander';
import type { Messages } from '../i18n/messages.ts';

/** Output formats of reports: Markdown for people, JSON for machines, CSV for spreadsheets. */
export type ReportFormat = 'md' | 'json' | 'csv';

/** The `--format` option of a report command, with the formats it offers (the first is the default). */
export function reportFormatOption(t: Messages, choices: readonly [ReportFormat, ...ReportFormat[]]): Option {
  return new Option('--format <format>', t.projOptReportFormat(choices)).choices(choices).default(choices[0]);
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A Markdown document with a quoted note under its title. */
export function withNote(markdown: string, note: string): string {
  const end = markdown.indexOf('\n');
  if (end < 0) return `${markdown}\n\n> ${note}\n`;
  return `${markdown.slice(0, end)}\n\n> ${note}\n${markdown.slice(end)}`;
}
