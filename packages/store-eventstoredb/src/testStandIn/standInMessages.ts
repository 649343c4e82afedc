import { createRequire } from 'node:module';
import type { StandInExpected, StandInFilter, StandInProposed, StandInRecord } from './standInLog.ts';

// The service definitions and messages shipped inside the client package (generated from the server's .proto
// files), loaded the way the client itself loads them.
const require = createRequire(import.meta.url);
export const streamsPb: typeof import('@eventstore/db-client/generated/streams_pb.js') = require('@eventstore/db-client/generated/streams_pb.js');
export const streamsGrpc: typeof import('@eventstore/db-client/generated/streams_grpc_pb.js') = require('@eventstore/db-client/generated/streams_grpc_pb.js');
export const sharedPb: typeof import('@eventstore/db-client/generated/shared_pb.js') = require('@eventstore/db-client/generated/shared_pb.js');
export const statusPb: typeof import('@eventstore/db-client/generated/status_pb.js') = require('@eventstore/db-client/generated/status_pb.js');
export const featuresPb: typeof import('@eventstore/db-client/generated/serverfeatures_pb.js') = require('@eventstore/db-client/generated/serverfeatures_pb.js');
export const featuresGrpc: typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb.js') = require('@eventstore/db-client/generated/serverfeatures_grpc_pb.js');
const anyPb: typeof import('google-protobuf/google/protobuf/any_pb.js') = require('google-protobuf/google/protobuf/any_pb.js');
const emptyPb: typeof import('google-protobuf/google/protobuf/empty_pb.js') = require('google-protobuf/google/protobuf/empty_pb.js');

type ReadReqOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type ProposedMessage =
  | InstanceType<typeof streamsPb.AppendReq.ProposedMessage>
  | InstanceType<typeof streamsPb.BatchAppendReq.ProposedMessage>;

/** .NET ticks at the Unix epoch: the server's `created` is in 100 ns ticks since year 1. */
const EPOCH_TICKS = 621_355_968_000_000_000n;

export function streamNameOf(identifier: { getStreamName_asU8(): Uint8Array } | undefined): string {
  return new TextDecoder().decode(identifier?.getStreamName_asU8() ?? new Uint8Array());
}

export function proposedOf(message: ProposedMessage): StandInProposed {
  const metadata = message.getMetadataMap();
  return {
    id: message.getId()?.getString() ?? crypto.randomUUID(),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

function recordedEventOf(
  record: StandInRecord,
): InstanceType<typeof streamsPb.ReadResp.ReadEvent.RecordedEvent> {
  const event = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  event.setId(new sharedPb.UUID().setString(record.id));
  event.setStreamIdentifier(
    new sharedPb.StreamIdentifier().setStreamName(new TextEncoder().encode(record.streamName)),
  );
  event.setStreamRevision(record.revision.toString());
  event.setCommitPosition(record.position.toString());
  event.setPreparePosition(record.position.toString());
  const map = event.getMetadataMap();
  map.set('type', record.type);
  map.set('content-type', record.contentType);
  map.set('created', (EPOCH_TICKS + BigInt(record.created.getTime()) * 10_000n).toString());
  event.setData(record.data);
  event.setCustomMetadata(record.metadata);
  return event;
}

/** A read response carrying a record, with the event it links to when `target` is given. */
export function readEventResponse(
  record: StandInRecord,
  resolved?: { readonly target: StandInRecord | undefined },
): InstanceType<typeof streamsPb.ReadResp> {
  const readEvent = new streamsPb.ReadResp.ReadEvent();
  if (resolved) {
    readEvent.setLink(recordedEventOf(record));
    if (resolved.target) readEvent.setEvent(recordedEventOf(resolved.target));
  } else {
    readEvent.setEvent(recordedEventOf(record));
  }
  readEvent.setCommitPosition(record.position.toString());
  return new streamsPb.ReadResp().setEvent(readEvent);
}

export function streamNotFoundResponse(streamName: string): InstanceType<typeof streamsPb.ReadResp> {
  const notFound = new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(
    new sharedPb.StreamIdentifier().setStreamName(new TextEncoder().encode(streamName)),
  );
  return new streamsPb.ReadResp().setStreamNotFound(notFound);
}

export function confirmationResponse(id: string): InstanceType<typeof streamsPb.ReadResp> {
  return new streamsPb.ReadResp().setConfirmation(
    new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(id),
  );
}

export function caughtUpResponse(): InstanceType<typeof streamsPb.ReadResp> {
  return new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp());
}

/** The filter of a read request, if any. */
export function filterOf(options: ReadReqOptions): StandInFilter | undefined {
  const filter = options.getFilter();
  if (!filter) return undefined;
  const expression = filter.getStreamIdentifier() ?? filter.getEventType();
  return {
    on: filter.hasStreamIdentifier() ? 'stream' : 'type',
    regex: expression?.getRegex() ?? '',
    prefixes: expression?.getPrefixList() ?? [],
  };
}

/** Where an `$all` read starts. */
export function allStartOf(options: ReadReqOptions): bigint | 'start' | 'end' {
  const all = options.getAll()!;
  if (all.hasStart()) return 'start';
  if (all.hasEnd()) return 'end';
  return BigInt(all.getPosition()!.getCommitPosition());
}

/** Where a stream read starts. */
export function streamStartOf(options: ReadReqOptions): bigint | 'start' | 'end' {
  const stream = options.getStream()!;
  if (stream.hasStart()) return 'start';
  if (stream.hasEnd()) return 'end';
  return BigInt(stream.getRevision());
}

export function expectedOfAppend(options: InstanceType<typeof streamsPb.AppendReq.Options>): StandInExpected {
  if (options.hasNoStream()) return -1n;
  if (options.hasAny()) return 'any';
  if (options.hasStreamExists()) return 'stream_exists';
  return BigInt(options.getRevision());
}

export function expectedOfBatch(
  options: InstanceType<typeof streamsPb.BatchAppendReq.Options>,
): StandInExpected {
  if (options.hasNoStream()) return -1n;
  if (options.hasAny()) return 'any';
  if (options.hasStreamExists()) return 'stream_exists';
  return BigInt(options.getStreamPosition());
}

/** The `Append` call's answer to a refused expected revision. */
export function appendWrongExpectedVersion(
  current: bigint | undefined,
  expected: StandInExpected,
): InstanceType<typeof streamsPb.AppendResp> {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current === undefined) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
  else if (expected === -1n) wrong.setExpectedNoStream(new sharedPb.Empty());
  else wrong.setExpectedRevision(expected.toString());
  return new streamsPb.AppendResp().setWrongExpectedVersion(wrong);
}

export function appendSuccess(revision: bigint, position: bigint): InstanceType<typeof streamsPb.AppendResp> {
  const success = new streamsPb.AppendResp.Success().setCurrentRevision(revision.toString());
  success.setPosition(
    new streamsPb.AppendResp.Position()
      .setCommitPosition(position.toString())
      .setPreparePosition(position.toString()),
  );
  return new streamsPb.AppendResp().setSuccess(success);
}

/** The `BatchAppend` call's answer for one correlation id. */
export function batchAppendResponse(
  correlationId: InstanceType<typeof sharedPb.UUID> | undefined,
  streamName: string,
  outcome:
    | { readonly kind: 'success'; readonly currentRevision: bigint; readonly position: bigint }
    | {
        readonly kind: 'wrong-expected-version';
        readonly current: bigint | undefined;
        readonly expected: StandInExpected;
      },
): InstanceType<typeof streamsPb.BatchAppendResp> {
  const response = new streamsPb.BatchAppendResp();
  if (correlationId) response.setCorrelationId(correlationId);
  response.setStreamIdentifier(
    new sharedPb.StreamIdentifier().setStreamName(new TextEncoder().encode(streamName)),
  );
  if (outcome.kind === 'success') {
    const success = new streamsPb.BatchAppendResp.Success().setCurrentRevision(
      outcome.currentRevision.toString(),
    );
    success.setPosition(
      new sharedPb.AllStreamPosition()
        .setCommitPosition(outcome.position.toString())
        .setPreparePosition(outcome.position.toString()),
    );
    return response.setSuccess(success);
  }
  const wrong = new sharedPb.WrongExpectedVersion();
  if (outcome.current === undefined) wrong.setCurrentNoStream(new emptyPb.Empty());
  else wrong.setCurrentStreamRevision(outcome.current.toString());
  if (outcome.expected === 'any') wrong.setExpectedAny(new emptyPb.Empty());
  else if (outcome.expected === 'stream_exists') wrong.setExpectedStreamExists(new emptyPb.Empty());
  else if (outcome.expected === -1n) wrong.setExpectedNoStream(new emptyPb.Empty());
  else wrong.setExpectedStreamPosition(outcome.expected.toString());
  const details = new anyPb.Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const status = new statusPb.Status().setCode(9).setMessage('WrongExpectedVersion').setDetails(details);
  return response.setError(status);
}

/** The server features answer that makes the client use `BatchAppend`, as current servers do. */
export function supportedMethods(): InstanceType<typeof featuresPb.SupportedMethods> {
  const methods = ['read', 'append', 'batchappend'].map((name) =>
    new featuresPb.SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name),
  );
  return new featuresPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('stand-in');
}
