import { localDate } from '@lvzhi/core';
import type { Traced } from '../corrections/amendmentNotes.ts';
import { type ArchiveLang, type LABELS, label, phrase } from './labels.ts';

/** Text made safe for one Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table; an empty one prints "None recorded". */
export function table(
  lang: ArchiveLang,
  headers: readonly (keyof typeof LABELS)[],
  rows: readonly (readonly string[])[],
): string[] {
  if (rows.length === 0) return [phrase('noneRecorded', lang), ''];
  return [
    `| ${headers.map((h) => label(h, lang)).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

/** An event id as printed: in code font, for an auditor to search the log. */
export function eventRef(eventId: string | undefined): string {
  return eventId === undefined ? '—' : `\`${eventId}\``;
}

/** The local date of a recorded instant. */
export function dayOf(iso: string, timeZone: string): string {
  return localDate(Date.parse(iso), timeZone);
}

/** The note of an entry: retracted (with reason and approver) and/or corrected. */
export function amendmentNote(entry: Traced, lang: ArchiveLang, timeZone: string): string {
  const parts: string[] = [];
  if (entry.retracted) {
    const r = entry.retracted;
    parts.push(
      `${phrase('retracted', lang)}: ${r.reason} (${phrase('approvedBy', lang)} ${r.approvedBy}, ${dayOf(r.recordedAt, timeZone)})`,
    );
  }
  if (entry.correctedBy.length > 0)
    parts.push(`${phrase('correctedMark', lang)} ×${entry.correctedBy.length}`);
  return parts.join('; ');
}

/** A value struck through when its record was retracted. */
export function struck(text: string, entry: Traced): string {
  return entry.retracted ? `~~${text}~~` : text;
}
