import type { MemberArchive } from '../memberArchive.ts';
import { meetingSections, memberSections } from './actSections.ts';
import { type ArchiveLang, label, value } from './labels.ts';
import { amendmentSections, otherSections, proposalSections } from './recordSections.ts';

export type { ArchiveLang } from './labels.ts';

/**
 * A member archive as a printable Markdown document for a secretariat clerk: headings and labels carry the
 * Chinese domain term beside the English one (`zh` puts Chinese first and prints values in Chinese), absences
 * carry their reasons, retracted records are struck through with reason and approver, and every row names its
 * event id.
 * @example archiveToMarkdown(memberArchive(state, { memberId: 'm01' })!, 'zh')
 */
export function archiveToMarkdown(archive: MemberArchive, lang: ArchiveLang): string {
  const m = archive.member;
  const committee = `${m.committee.name ?? m.committee.committeeId} (${m.committee.committeeId}${m.committee.level ? `, ${value(m.committee.level, lang)}` : ''})`;
  const term = `${m.term.term}${m.term.startsOn ? ` (${m.term.startsOn} – ${m.term.endsOn ?? ''})` : ''}`;
  const scope = [`${label('committee', lang)}: ${committee}`, `${label('term', lang)}: ${term}`];
  if (archive.year !== undefined) scope.push(`${label('year', lang)}: ${archive.year}`);
  const lines = [
    `# ${label('archive', lang)}: ${m.name}`,
    '',
    scope.join(' · '),
    '',
    ...memberSections(archive, lang),
    ...meetingSections(archive, lang),
    ...proposalSections(archive, lang),
    ...otherSections(archive, lang),
    ...amendmentSections(archive, lang),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
