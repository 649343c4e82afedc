import type { MemberArchive } from '../memberArchive.ts';
import { type ArchiveLang, label, phrase, value } from './labels.ts';
import { amendmentNote, cell, eventRef, struck, table } from './markdownText.ts';

/** The member, long-leave and totals sections. */
export function memberSections(a: MemberArchive, lang: ArchiveLang): string[] {
  const m = a.member;
  const tz = m.committee.timeZone;
  const standing = m.standingPeriods.map(
    (p) => `${p.from} – ${p.until ?? phrase('ongoing', lang)} (${eventRef(p.eventId)})`,
  );
  const rows: [string, string][] = [
    [label('memberId', lang), m.memberId],
    [label('name', lang), m.name],
    [label('sector', lang), m.sector],
    [label('specialCommittees', lang), m.specialCommittees.join(', ') || '—'],
    [label('party', lang), m.party ?? '—'],
    [label('standing', lang), standing.join('; ') || value('no', lang)],
    [label('appointed', lang), `${m.appointedOn} (${eventRef(m.appointmentEventId)})`],
    [
      label('ended', lang),
      m.ended ? `${m.ended.on}, ${value(m.ended.reason, lang)} (${eventRef(m.ended.eventId)})` : '—',
    ],
  ];
  if (m.otherSeats.length > 0) {
    rows.push([label('otherSeats', lang), m.otherSeats.map((s) => `${s.committeeId} #${s.term}`).join(', ')]);
  }
  const leaves = a.longLeaves.map((l) => [
    struck(l.from, l),
    l.to ?? phrase('ongoing', lang),
    value(l.reason, lang),
    amendmentNote(l, lang, tz),
    eventRef(l.eventId),
  ]);
  return [
    `## ${label('member', lang)}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`),
    '',
    `## ${label('longLeave', lang)}`,
    '',
    ...table(lang, ['from', 'to', 'reason', 'note', 'event'], leaves),
    `## ${label('totals', lang)}`,
    '',
    phrase('totalsNote', lang),
    '',
    ...table(
      lang,
      [
        'year',
        'present',
        'excused',
        'absent',
        'speeches',
        'proposals',
        'filed',
        'key',
        'excellent',
        'opinions',
        'adopted',
        'publicity',
        'publicWelfare',
        'talks',
        'honours',
        'annualReports',
      ],
      a.totals.map((t) =>
        [
          t.year,
          t.attendance.present,
          t.attendance.excused,
          t.attendance.absent,
          t.speeches.oral + t.speeches.written,
          t.proposals.credited,
          t.proposals.filed,
          t.proposals.key,
          t.proposals.excellent,
          t.opinions.authored,
          t.opinions.adopted,
          t.publicity,
          t.publicWelfare,
          t.talks,
          t.honours,
          t.annualReports,
        ].map(String),
      ),
    ),
  ];
}

/** The attendance and speech sections: every absence printed with its reason. */
export function meetingSections(a: MemberArchive, lang: ArchiveLang): string[] {
  const tz = a.member.committee.timeZone;
  const attendance = a.attendance.map((e) => {
    const reasons = [e.absenceReason === undefined ? '' : value(e.absenceReason, lang)];
    if (e.longLeave) reasons.push(`${phrase('onLongLeave', lang)} (${value(e.longLeave.reason, lang)})`);
    const notes = [amendmentNote(e, lang, tz)];
    if (e.meeting.retracted) notes.push(phrase('meetingRetracted', lang));
    return [
      e.date,
      e.meeting.title ?? e.meeting.meetingId,
      value(e.meeting.kind, lang),
      struck(value(e.status, lang), e),
      reasons.filter(Boolean).join('; ') || '—',
      value(e.capacity, lang),
      value(e.channel, lang),
      e.fractionAttended === undefined ? '—' : `${Math.round(e.fractionAttended * 1000) / 10}%`,
      notes.filter(Boolean).join('; '),
      eventRef(e.eventId),
    ];
  });
  const speeches = a.speeches.map((e) => [
    e.date,
    e.meeting.title ?? e.meeting.meetingId,
    struck(value(e.mode, lang), e),
    value(e.listed ? 'yes' : 'no', lang),
    [amendmentNote(e, lang, tz), e.meeting.retracted ? phrase('meetingRetracted', lang) : '']
      .filter(Boolean)
      .join('; '),
    eventRef(e.eventId),
  ]);
  return [
    `## ${label('attendance', lang)}`,
    '',
    ...table(
      lang,
      ['date', 'meeting', 'kind', 'status', 'reason', 'capacity', 'channel', 'fraction', 'note', 'event'],
      attendance,
    ),
    `## ${label('speeches', lang)}`,
    '',
    ...table(lang, ['date', 'meeting', 'mode', 'listed', 'note', 'event'], speeches),
  ];
}
