export { AttendanceStatus, Capacity, Channel, LeaveReason } from './attendance/attendanceCommands.ts';
export type { LogSeal, SealedHead } from './audit/seal.ts';
export { merkleRoot, readHeads, SEAL_EVENT_TYPE, SEAL_STREAM, sealLog } from './audit/seal.ts';
export type { AuditFinding, AuditReport, TamperKind } from './audit/verifyLog.ts';
export { verifyLog } from './audit/verifyLog.ts';
export type { CommandHandlerOptions, CommandOutcome } from './commandHandling/commandHandler.ts';
export { CommandHandler } from './commandHandling/commandHandler.ts';
export type { CommandEnvelope, CommandMeta, CommandName, ParsedCommand } from './commandHandling/commands.ts';
export { COMMAND_NAMES, COMMANDS } from './commandHandling/commands.ts';
export type { DomainState } from './commandHandling/decider.ts';
export { decider } from './commandHandling/decider.ts';
export type { CommandDefinition, Decided, Decision, DecisionContext } from './commandHandling/decision.ts';
export type { EvolvableEvent } from './commandHandling/domainState.ts';
export { evolveStreamState, initialStreamState } from './commandHandling/domainState.ts';
export { parseCommand } from './commandHandling/parseCommand.ts';
export { CommitteeLevel } from './committees/committeeCommands.ts';
export type { CommitteeState, TermInfo } from './committees/committeeState.ts';
export { Grade } from './decisions/decisionCommands.ts';
export type {
  ChainedEvent,
  EventMetadata,
  FoldedEvent,
  ProposedEvent,
  RecordedEvent,
} from './envelope/envelope.ts';
export { isUuidV7, newEventId } from './envelope/eventId.ts';
export type { ChainBreak, EncodedEvent, StreamHead } from './envelope/hashChain.ts';
export {
  canonicalJson,
  chainEvents,
  chainEventsEncoded,
  computeEventHash,
  EMPTY_HEAD,
  findChainBreak,
  GENESIS_HASH,
} from './envelope/hashChain.ts';
export type { FoldedEventRow, StoredEventColumns } from './envelope/storedEvent.ts';
export { decodeFoldedEvent, decodeStoredEvent } from './envelope/storedEvent.ts';
export { copyRequests } from './eventStore/copyRequests.ts';
export {
  ConcurrencyError,
  CorruptEventError,
  DuplicateEventIdError,
  StoreUnavailableError,
} from './eventStore/errors.ts';
export type {
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadPagesOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from './eventStore/eventStore.ts';
export { assertExpectedVersion } from './eventStore/expectedVersion.ts';
export { classifyAppend } from './eventStore/idempotency.ts';
export { InMemoryEventStore } from './eventStore/inMemoryEventStore.ts';
export { readPages } from './eventStore/readPages.ts';
export type { DomainEvent, EventType } from './events/eventSchemas.ts';
export { CURRENT_SCHEMA_VERSION, EVENT_SCHEMAS, EVENT_TYPES, isEventType } from './events/eventSchemas.ts';
export type {
  CommitteeId,
  EventId,
  MeetingId,
  MemberId,
  OpinionId,
  ProposalId,
  StreamCategory,
} from './ids/ids.ts';
export { parseStreamId, streamIds } from './ids/ids.ts';
export { MeetingKind } from './meetings/meetingCommands.ts';
export type { MeetingState } from './meetings/meetingState.ts';
export { EndReason, LongLeaveReason } from './members/memberCommands.ts';
export type { MemberState } from './members/memberState.ts';
export type { Membership } from './members/membership.ts';
export { isStandingAt, longLeaveAt, membershipsOf, seatAt } from './members/membership.ts';
export { AdoptionLevel } from './opinions/opinionCommands.ts';
export type { OpinionState } from './opinions/opinionState.ts';
export type { Amendment, DutyRecordState, RecordedAct } from './projections/dutyRecord.ts';
export { dutyRecordProjection, liveActs, membersNamed } from './projections/dutyRecord.ts';
export type { LoadedDutyRecord } from './projections/dutyRecordLoader.ts';
export { loadDutyRecord } from './projections/dutyRecordLoader.ts';
export type { Anomaly, ApplyContext, Projection } from './projections/projection.ts';
export { defineProjection } from './projections/projection.ts';
export type {
  FoldedStates,
  LogFilter,
  ProjectionRuntimeOptions,
  ProjectionStatus,
} from './projections/projectionRuntime.ts';
export {
  eventPasses,
  FRAMING_EVENT_TYPES,
  foldPages,
  ProjectionRuntime,
  projectLog,
} from './projections/projectionRuntime.ts';
export type { ProjectionStore, StoredProjection } from './projections/projectionStore.ts';
export { InMemoryProjectionStore } from './projections/projectionStore.ts';
export type { RecordIndexState, RecordScope } from './projections/recordIndex.ts';
export { indexedMembers, recordIndexProjection, streamsInScope } from './projections/recordIndex.ts';
export type { CommitteeInfo, SeatRecord } from './projections/recordQueries.ts';
export {
  committeeInfo,
  meetingOf,
  seatedDuring,
  seatSpan,
  seatsOf,
  standingAt,
  yearOfAct,
  yearSpan,
} from './projections/recordQueries.ts';
export { ProposalCategory, ProposerType, ReviewDecision } from './proposals/proposalCommands.ts';
export type { ProposalState } from './proposals/proposalState.ts';
export { RecorderRole } from './recorders/recorderCommands.ts';
export type { RecorderPolicy } from './recorders/recorderPolicy.ts';
export { authorizeRecorder, DEFAULT_RECORDER_POLICY } from './recorders/recorderPolicy.ts';
export type { Rejection, RejectionCode } from './rejections/rejection.ts';
export { REJECTION_CODES, rejection } from './rejections/rejection.ts';
export type { Result } from './rejections/result.ts';
export { err, ok } from './rejections/result.ts';
export {
  DEFAULT_TIME_ZONE,
  endOfDateInput,
  localDate,
  localYear,
  startOfDateInput,
  startOfLocalYear,
} from './time/localDate.ts';
