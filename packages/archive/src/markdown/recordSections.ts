import type { MemberArchive } from '../memberArchive.ts';
import type { ProposalStep } from '../proposals/proposalEntries.ts';
import { type ArchiveLang, label, phrase, value } from './labels.ts';
import { amendmentNote, cell, dayOf, eventRef, struck, table } from './markdownText.ts';

function stepText(s: ProposalStep, lang: ArchiveLang): string {
  switch (s.step) {
    case 'reviewed':
      return s.mergedInto === undefined
        ? value(s.decision, lang)
        : `${value(s.decision, lang)} → ${s.mergedInto}`;
    case 'answered':
      return `${value('answered', lang)}: ${value(s.result, lang)}`;
    case 'feedback':
      return `${value('feedback', lang)}: ${value(s.rating, lang)}`;
    case 'instruction':
      return `${value('instruction', lang)} (${value(s.level, lang)})`;
    default:
      return value(s.step, lang);
  }
}

/** The proposal and 社情民意 sections: each with role, current status and full history in order. */
export function proposalSections(a: MemberArchive, lang: ArchiveLang): string[] {
  const tz = a.member.committee.timeZone;
  const out = [`## ${label('proposals', lang)}`, ''];
  if (a.proposals.length === 0) out.push(phrase('noneRecorded', lang), '');
  for (const [i, p] of a.proposals.entries()) {
    const role = p.credited ? value(p.role, lang) : `${value(p.role, lang)}: ${phrase('notCredited', lang)}`;
    const status = [value(p.status.stage, lang)];
    if (p.status.key && p.status.stage !== 'key') status.push(value('key', lang));
    if (p.status.excellent && p.status.stage !== 'awarded') status.push(value('awarded', lang));
    out.push(
      `### ${i + 1}. ${struck(cell(p.title), p)} (${p.proposalId})`,
      '',
      `- ${label('role', lang)}: ${role} (#${p.position})`,
      `- ${label('proposerType', lang)}: ${value(p.proposerType, lang)}${p.collectiveBody ? ` — ${cell(p.collectiveBody)}` : ''}; ${label('category', lang)}: ${value(p.category, lang)}; ${label('timing', lang)}: ${value(p.timing, lang)}`,
      `- ${label('status', lang)}: ${status.join(', ')}`,
    );
    const note = amendmentNote(p, lang, tz);
    if (note) out.push(`- ${label('note', lang)}: ${note}`);
    out.push(`- ${label('history', lang)}:`);
    for (const [j, s] of p.history.entries()) {
      const sNote = amendmentNote(s, lang, tz);
      out.push(
        `  ${j + 1}. ${s.date} ${struck(stepText(s, lang), s)} ${eventRef(s.eventId)}${sNote ? ` — ${sNote}` : ''}`,
      );
    }
    out.push('');
  }
  out.push(`## ${label('opinions', lang)}`, '');
  if (a.opinions.length === 0) out.push(phrase('noneRecorded', lang), '');
  for (const [i, o] of a.opinions.entries()) {
    out.push(
      `### ${i + 1}. ${struck(cell(o.title), o)} (${o.opinionId})`,
      '',
      `- ${label('author', lang)}: #${o.authorPosition} / ${o.authorIds.length}`,
      `- ${label('status', lang)}: ${value(o.status, lang)}${o.adoptedAt.length > 0 ? ` (${o.adoptedAt.map((l) => value(l, lang)).join(' → ')})` : ''}`,
    );
    const note = amendmentNote(o, lang, tz);
    if (note) out.push(`- ${label('note', lang)}: ${note}`);
    out.push(
      `- ${label('history', lang)}:`,
      `  1. ${o.date} ${value('submitted', lang)} ${eventRef(o.eventId)}`,
    );
    for (const [j, s] of o.history.entries()) {
      const sNote = amendmentNote(s, lang, tz);
      out.push(
        `  ${j + 2}. ${s.date} ${struck(`${value(s.step, lang)} (${value(s.level, lang)})`, s)} ${eventRef(s.eventId)}${sNote ? ` — ${sNote}` : ''}`,
      );
    }
    out.push('');
  }
  return out;
}

/** Publicity, public welfare, talks, honours, annual reports and decisions, one table each. */
export function otherSections(a: MemberArchive, lang: ArchiveLang): string[] {
  const tz = a.member.committee.timeZone;
  const note = (e: Parameters<typeof amendmentNote>[0]) => amendmentNote(e, lang, tz);
  return [
    `## ${label('publicity', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'kind', 'outlet', 'level', 'note', 'event'],
      a.publicity.map((e) => [
        e.date,
        struck(value(e.kind, lang), e),
        e.outlet,
        value(e.level, lang),
        note(e),
        eventRef(e.eventId),
      ]),
    ),
    `## ${label('publicWelfare', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'title', 'note', 'event'],
      a.publicWelfare.map((e) => [e.date, struck(e.title, e), note(e), eventRef(e.eventId)]),
    ),
    `## ${label('talks', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'kind', 'heldBy', 'note', 'event'],
      a.talks.map((e) => [e.date, struck(value(e.kind, lang), e), e.heldBy, note(e), eventRef(e.eventId)]),
    ),
    `## ${label('honours', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'title', 'level', 'note', 'event'],
      a.honours.map((e) => [e.date, struck(e.title, e), value(e.level, lang), note(e), eventRef(e.eventId)]),
    ),
    `## ${label('annualReports', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'reportYear', 'note', 'event'],
      a.annualReports.map((e) => [e.date, struck(String(e.reportYear), e), note(e), eventRef(e.eventId)]),
    ),
    `## ${label('decisions', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'decision', 'status', 'decidedBy', 'note', 'event'],
      a.decisions.map((e) => [
        e.date,
        e.decision === 'assessment'
          ? `${value('assessment', lang)} ${e.assessedYear}`
          : value('renomination', lang),
        struck(
          e.decision === 'assessment'
            ? `${value(e.grade, lang)}${e.score === null ? '' : ` (${e.score}, ${e.policy})`}`
            : `${value(e.outcome, lang)}: ${e.reason}`,
          e,
        ),
        e.decidedBy,
        note(e),
        eventRef(e.eventId),
      ]),
    ),
  ];
}

function shown(v: unknown, lang: ArchiveLang): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? value(v, lang) : JSON.stringify(v);
}

/** The corrections and retractions sections: what changed or was withdrawn, why, approved by whom, when. */
export function amendmentSections(a: MemberArchive, lang: ArchiveLang): string[] {
  const tz = a.member.committee.timeZone;
  const corrections = a.corrections.flatMap((c) =>
    c.changes.map((ch) => [
      eventRef(c.eventId),
      value(c.type, lang),
      ch.field,
      shown(ch.from, lang),
      shown(ch.to, lang),
      c.correction.reason,
      c.correction.approvedBy,
      dayOf(c.correction.recordedAt, tz),
      eventRef(c.correction.eventId),
    ]),
  );
  const retractions = a.retractions.map((r) => [
    eventRef(r.eventId),
    value(r.type, lang),
    r.retraction.reason,
    r.retraction.approvedBy,
    dayOf(r.retraction.recordedAt, tz),
    eventRef(r.retraction.eventId),
  ]);
  return [
    `## ${label('corrections', lang)}`,
    '',
    ...table(
      lang,
      ['record', 'kind', 'field', 'original', 'corrected', 'reason', 'approvedBy', 'recorded', 'event'],
      corrections,
    ),
    `## ${label('retractions', lang)}`,
    '',
    ...table(lang, ['record', 'kind', 'reason', 'approvedBy', 'recorded', 'event'], retractions),
  ];
}
