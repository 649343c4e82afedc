export { amendmentsArbitrary } from './arbitraries/amendmentsArbitrary.ts';
export { historyArbitrary } from './arbitraries/historyArbitrary.ts';
export type { HistoryOptions } from './arbitraries/historyPlan.ts';
export type { RecordedEventsOptions } from './arbitraries/recordedEventsArbitrary.ts';
export { recordedEventsArbitrary } from './arbitraries/recordedEventsArbitrary.ts';
export type { RecordLine, RecordLineOptions } from './arbitraries/recordLine.ts';
export {
  commandDataArbitrary,
  commandMetaArbitrary,
  eventDataArbitrary,
  recordLineArbitrary,
} from './arbitraries/recordLine.ts';
export { fieldArbitrary, plainJsonValue, schemaArbitrary } from './arbitraries/schemaArbitrary.ts';
export type {
  DeciderSpecificationOptions,
  Expected,
  ExpectedEvent,
  Given,
  GivenItem,
  GivenItems,
  ThenStep,
  WhenStep,
} from './deciderSpecification/deciderSpecification.ts';
export { command, deciderSpecification } from './deciderSpecification/deciderSpecification.ts';
export type {
  GivenEvent,
  GivenHistory,
  PureOutcome,
  PureRecordingOptions,
  SpecCommand,
} from './deciderSpecification/pureRecorder.ts';
export { PureRecorder, recordPurely, sequentialEventIds } from './deciderSpecification/pureRecorder.ts';
export type { ConformanceOptions } from './storeConformance/describeEventStoreConformance.ts';
export { describeEventStoreConformance } from './storeConformance/describeEventStoreConformance.ts';
export type { EventStoreFactory } from './storeConformance/eventStoreFactory.ts';
