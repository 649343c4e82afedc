export type {
  AnnualReportEntry,
  DecisionEntry,
  HonourEntry,
  PublicityEntry,
  PublicWelfareEntry,
  TalkEntry,
} from './activities/activityEntries.ts';
export type { LongLeaveEntry } from './activities/longLeaves.ts';
export type { AbsenceReason, AttendanceEntry, SpeechEntry } from './attendance/attendanceEntries.ts';
export type { MeetingRef } from './attendance/meetingRef.ts';
export type { CorrectionEntry, FieldChange, RetractionEntry } from './corrections/amendmentEntries.ts';
export type { AmendmentNote, Traced } from './corrections/amendmentNotes.ts';
export type { ArchiveLang } from './markdown/archiveToMarkdown.ts';
export { archiveToMarkdown } from './markdown/archiveToMarkdown.ts';
export type { MemberArchive, MemberArchiveOptions } from './memberArchive.ts';
export { memberArchive } from './memberArchive.ts';
export type { ListMembersOptions, MemberListing } from './members/listMembers.ts';
export { listMembers } from './members/listMembers.ts';
export type { MemberInfo, StandingPeriod } from './members/memberInfo.ts';
export type { OpinionEntry, OpinionStep } from './opinions/opinionEntries.ts';
export type { ProposalEntry, ProposalStatus, ProposalStep } from './proposals/proposalEntries.ts';
export type { ProposalRole } from './proposals/proposalRole.ts';
export { CREDITED_MAIN_MEMBERS } from './proposals/proposalRole.ts';
export type { YearTotals } from './totals/yearTotals.ts';
