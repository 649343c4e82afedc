export type { ChainedEvent, EventMetadata, ProposedEvent, RecordedEvent } from './envelope/envelope.ts';
export { isUuidV7, newEventId } from './envelope/eventId.ts';
export type { ChainBreak, StreamHead } from './envelope/hashChain.ts';
export {
  canonicalJson,
  chainEvents,
  computeEventHash,
  EMPTY_HEAD,
  findChainBreak,
  GENESIS_HASH,
} from './envelope/hashChain.ts';
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
  ReadStreamOptions,
  SubscribeOptions,
} from './eventStore/eventStore.ts';
export { assertExpectedVersion } from './eventStore/expectedVersion.ts';
export { classifyAppend } from './eventStore/idempotency.ts';
export { InMemoryEventStore } from './eventStore/inMemoryEventStore.ts';
