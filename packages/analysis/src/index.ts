export type {
  ActFamily,
  AdoptionLevel,
  AnalysisFigures,
  AnnualAnalysis,
  CategoryFigures,
  CommitteeSummary,
  Distribution,
  FamilyAverages,
  FamilyCounts,
  GroupFigures,
  KeyFigures,
  LeaveReason,
  LongLeaveEntry,
  OpinionFigures,
  PlenaryFigures,
  PlenaryMeetingFigures,
  PreviousYear,
  ProposalCategory,
  ProposalFigures,
  RollUpAnalysis,
  SectorFigures,
  SpecialCommitteeFigures,
} from './analysisTypes.ts';
export { ACT_FAMILIES, ADOPTION_LEVELS, LEAVE_REASONS, PROPOSAL_CATEGORIES } from './analysisTypes.ts';
export { annualAnalysis, rollUp, UnknownCommitteeError } from './annualAnalysis.ts';
export { analysisToCsv } from './csv.ts';
export type { ReportLanguage } from './labels.ts';
export { analysisToMarkdown } from './markdown.ts';
