export type { CloudEventOptions, LvzhiCloudEvent } from './cloudevents/cloudEvent.ts';
export {
  CLOUDEVENT_TYPE_PREFIX,
  cloudEventType,
  DEFAULT_SOURCE_PREFIX,
  fromCloudEvent,
  toCloudEvent,
} from './cloudevents/cloudEvent.ts';
export type { CheckedLine, ExportDecoder, ExportLine } from './import/exportChecker.ts';
export { ExportChecker } from './import/exportChecker.ts';
export type { ImportOptions, ImportOutcome, ImportSummary } from './import/importLog.ts';
export { checkExport, importLog } from './import/importLog.ts';
export type { ImportRefusal, ImportRefusalCode } from './import/importRefusal.ts';
export type { LineIssue } from './jsonl/exportedEvent.ts';
export { ExportedEvent, parseExportedEvent, toExportedEvent } from './jsonl/exportedEvent.ts';
export { popoloDate, popoloDateTime } from './popolo/popoloDates.ts';
export { toPopolo } from './popolo/popoloDocument.ts';
export type {
  PopoloCount,
  PopoloDocument,
  PopoloEvent,
  PopoloIdentifier,
  PopoloMembership,
  PopoloMotion,
  PopoloOrganization,
  PopoloPerson,
  PopoloSpeech,
} from './popolo/popoloTypes.ts';
