import { Option } from 'commander';
import type { Messages } from '../i18n/messages.ts';

/** Output formats: a readable table for people, JSON for machines. */
export type OutputFormat = 'table' | 'json';

/** The `--format table|json` option shared by the commands. */
export function formatOption(t: Messages): Option {
  return new Option('--format <format>', t.optFormat).choices(['table', 'json']).default('table');
}
