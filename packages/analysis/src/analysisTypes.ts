/**
 * The act families an analysis counts per member, each in the analysed year and committee(s):
 * `attendances` (a `present` attendance at any meeting or activity), `speeches` (oral or written),
 * `proposals` (提案 in a credited role), `opinions` (社情民意 items authored), `publicity` (新闻宣传) and
 * `publicWelfare` (公益/帮扶).
 */
export type ActFamily = 'attendances' | 'speeches' | 'proposals' | 'opinions' | 'publicity' | 'publicWelfare';

/** The act families, in the order reports list them. */
export const ACT_FAMILIES: readonly ActFamily[] = [
  'attendances',
  'speeches',
  'proposals',
  'opinions',
  'publicity',
  'publicWelfare',
];

/** Categories of a proposal's matter. */
export type ProposalCategory = 'economic' | 'political' | 'cultural' | 'social' | 'ecological' | 'other';

/** The categories, in the order reports list them. */
export const PROPOSAL_CATEGORIES: readonly ProposalCategory[] = [
  'economic',
  'political',
  'cultural',
  'social',
  'ecological',
  'other',
];

/** Levels at which a 社情民意 item is adopted (采用). */
export type AdoptionLevel = 'county' | 'city' | 'provincial' | 'national';

/** The adoption levels, lowest first. */
export const ADOPTION_LEVELS: readonly AdoptionLevel[] = ['county', 'city', 'provincial', 'national'];

/** Reasons for which leave from one meeting is granted (请假). */
export type LeaveReason =
  | 'illness'
  | 'maternity'
  | 'higher-level-meeting'
  | 'official-abroad'
  | 'work'
  | 'other';

/** The leave reasons, in the order of the record format. */
export const LEAVE_REASONS: readonly LeaveReason[] = [
  'illness',
  'maternity',
  'higher-level-meeting',
  'official-abroad',
  'work',
  'other',
];

/** One number per act family. */
export type FamilyCounts = { readonly [F in ActFamily]: number };

/** One average per act family; null when there is nobody to average over. */
export type FamilyAverages = { readonly [F in ActFamily]: number | null };

/** Plenary (全体会议) attendance of one plenary meeting: each seated member is exactly one of the four states. */
export interface PlenaryMeetingFigures {
  readonly meetingId: string;
  readonly committeeId: string;
  readonly title: string;
  readonly startsOn: string;
  readonly term: number;
  readonly session: number | null;
  /** Members seated at the meeting's start. */
  readonly expected: number;
  readonly present: number;
  readonly excused: number;
  readonly absent: number;
  /** Seated members with no attendance record (not an absence). */
  readonly notRecorded: number;
  /** Seated members on long leave (长期请假) at the meeting's start, whatever their attendance. */
  readonly onLongLeave: number;
  /** present / expected; null when nobody was expected. */
  readonly turnout: number | null;
}

/** Plenary attendance over the year: the sums of the plenaries held in it, with channels and leave reasons. */
export interface PlenaryFigures {
  readonly meetings: number;
  /** Seated members × the plenaries they were seated for (at the plenary's start). */
  readonly expected: number;
  readonly present: number;
  readonly excused: number;
  readonly absent: number;
  readonly notRecorded: number;
  readonly onLongLeave: number;
  /** present / expected; null when nobody was expected. */
  readonly turnout: number | null;
  /** The `present` ones by channel. */
  readonly presentByChannel: { readonly inPerson: number; readonly video: number; readonly online: number };
  /** The `excused` ones by leave reason (an absence is never shown without its reason). */
  readonly excusedByReason: { readonly [R in LeaveReason]: number };
  readonly byMeeting: readonly PlenaryMeetingFigures[];
}

/** Submitted and filed (filed or merged) proposals of one category. */
export interface CategoryFigures {
  readonly submitted: number;
  readonly filed: number;
}

/** The proposal funnel (提案): proposals submitted in the year, with their current review and marks. */
export interface ProposalFigures {
  readonly submitted: number;
  /** Reviewed `filed` (立案) or `merged` (并案, counts as filed). */
  readonly filed: number;
  /** The merged ones among `filed`. */
  readonly merged: number;
  readonly notFiled: number;
  /** Converted to opinions or suggestions (转为意见建议). */
  readonly converted: number;
  readonly returned: number;
  readonly pendingReview: number;
  /** Key proposals (重点提案) among the filed ones. */
  readonly key: number;
  /** Excellent proposals (优秀提案) among the filed ones. */
  readonly excellent: number;
  /** Proposals with at least one leader's instruction (领导批示). */
  readonly instructed: number;
  readonly byCategory: { readonly [C in ProposalCategory]: CategoryFigures };
  /** By a sector, party, people's organisation or special committee (集体提案). */
  readonly collective: number;
  /** Individual or joint proposals (委员提案). */
  readonly fromMembers: number;
  /** Submitted at the plenary session (大会提案). */
  readonly session: number;
  /** Submitted between sessions (平时提案). */
  readonly interim: number;
}

/** 社情民意 items submitted in the year, with every adoption known. */
export interface OpinionFigures {
  readonly submitted: number;
  /** Items adopted (采用) at least once, at any level. */
  readonly adopted: number;
  /** Items adopted at each level (an item adopted at two levels counts at both). */
  readonly adoptedByLevel: { readonly [L in AdoptionLevel]: number };
  /** Items with at least one leader's instruction (领导批示). */
  readonly instructed: number;
}

/** Quartiles of acts per member (linear interpolation between closest ranks, as R's type 7). */
export interface Distribution {
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** The figures of a group of members (a sector, a special committee, standing or ordinary members). */
export interface GroupFigures {
  readonly members: number;
  /** Acts of every family, summed over the group's members. */
  readonly acts: number;
  readonly actsPerMember: number | null;
  readonly plenary: { readonly expected: number; readonly present: number; readonly turnout: number | null };
  /** Distinct proposals of the year in which at least one of the group's members has a credited role. */
  readonly proposals: number;
  /** Distinct 社情民意 items of the year with at least one author from the group. */
  readonly opinions: number;
  /** Members of the group with nothing recorded. */
  readonly nothingRecorded: number;
}

/** A sector's (界别) figures. */
export interface SectorFigures extends GroupFigures {
  readonly sector: string;
}

/** A special committee's (专门委员会) figures. */
export interface SpecialCommitteeFigures extends GroupFigures {
  readonly specialCommittee: string;
}

/** A long leave (长期请假) overlapping the year, always with its reason. */
export interface LongLeaveEntry {
  readonly memberId: string;
  readonly name: string;
  readonly reason: string;
  readonly from: string;
  /** null while the leave is open-ended. */
  readonly to: string | null;
}

/** The headline figures compared from one year to the next. */
export interface KeyFigures {
  readonly members: number;
  readonly proposalsSubmitted: number;
  readonly proposalsFiled: number;
  readonly opinionsSubmitted: number;
  readonly opinionsAdopted: number;
  readonly plenaryTurnout: number | null;
}

/** The previous year's headline figures and the change from them (this year minus last year). */
export interface PreviousYear extends KeyFigures {
  readonly year: number;
  readonly change: KeyFigures;
}

/** The figures of an annual overall analysis (年度整体分析), shared by one committee's and a roll-up. */
export interface AnalysisFigures {
  /** Members seated at any time in the year. */
  readonly members: number;
  readonly plenary: PlenaryFigures;
  readonly proposals: ProposalFigures;
  readonly opinions: OpinionFigures;
  /** Member-acts per family: a joint proposal credited to three members counts three times here. */
  readonly totals: FamilyCounts;
  /** `totals` divided by `members`. */
  readonly perMember: FamilyAverages;
  /** Members with at least one act of each family. */
  readonly coverage: FamilyCounts;
  /** Acts of every family per member, over every member seated in the year (zeros included). */
  readonly distribution: Distribution | null;
  readonly bySector: readonly SectorFigures[];
  readonly bySpecialCommittee: readonly SpecialCommitteeFigures[];
  /** Standing members (常委) at any time in the year, and the others. */
  readonly standingVsOrdinary: { readonly standing: GroupFigures; readonly ordinary: GroupFigures };
  /** 未履职委员: seated in the year with no act in it, sorted by id. */
  readonly membersWithNothingRecorded: readonly string[];
  readonly longLeave: readonly LongLeaveEntry[];
  /** null when nobody was seated in the previous year. */
  readonly previousYear: PreviousYear | null;
}

/** The annual overall analysis of one committee for one calendar year in its time zone. */
export interface AnnualAnalysis extends AnalysisFigures {
  readonly year: number;
  readonly committeeId: string;
  readonly committeeName: string;
  readonly level: string;
  readonly timeZone: string;
  /** The terms (届) whose dates overlap the year. */
  readonly terms: readonly number[];
}

/** One committee's headline figures inside a roll-up. */
export interface CommitteeSummary extends KeyFigures {
  readonly committeeId: string;
  readonly committeeName: string;
  readonly level: string;
}

/** The annual analysis of several committees together (a city committee and its district committees). */
export interface RollUpAnalysis extends AnalysisFigures {
  readonly year: number;
  readonly committeeIds: readonly string[];
  readonly committees: readonly CommitteeSummary[];
}
