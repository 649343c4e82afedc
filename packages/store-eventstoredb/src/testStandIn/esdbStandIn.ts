import * as grpc from '@grpc/grpc-js';
import {
  passesFilter,
  type StandInExpected,
  StandInLog,
  type StandInProposed,
  type StandInRecord,
} from './standInLog.ts';
import {
  allStartOf,
  appendSuccess,
  appendWrongExpectedVersion,
  batchAppendResponse,
  caughtUpResponse,
  confirmationResponse,
  expectedOfAppend,
  expectedOfBatch,
  featuresGrpc,
  filterOf,
  proposedOf,
  readEventResponse,
  streamNameOf,
  streamNotFoundResponse,
  streamStartOf,
  streamsGrpc,
  type streamsPb,
  supportedMethods,
} from './standInMessages.ts';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;

/** Options of `EsdbStandIn.start`. */
export interface EsdbStandInOptions {
  /**
   * Answer the client's feature probe so that it appends through `BatchAppend`, as current servers make it do;
   * with false the probe is unimplemented and the client falls back to `Append`. Default true.
   */
  readonly batchAppend?: boolean;
  /** Write a `$statsCollected` system event after every append, to interleave system events. Default true. */
  readonly statsBetweenAppends?: boolean;
}

const UNAVAILABLE = { code: grpc.status.UNAVAILABLE, details: 'the stand-in refused this append' };

/**
 * A STAND-IN for an EventStoreDB server, NOT EventStoreDB: an in-process gRPC server built from the service
 * definitions shipped inside `@eventstore/db-client`, implementing just the parts of the Streams service this
 * package uses (Append, BatchAppend, Read of a stream or of `$all`, catch-up subscriptions to `$all` with a
 * filter) and the server-features probe, over an in-memory log. It lets the real client run through the
 * adapter in CI; it proves the adapter matches the server as this stand-in models it, not the server itself.
 */
export class EsdbStandIn {
  readonly log: StandInLog;
  readonly #options: EsdbStandInOptions;
  readonly #subscriptions = new Set<grpc.ServerWritableStream<ReadReq, ReadResp>>();
  #refusals: { readonly matches: (streamName: string) => boolean; remaining: number } | undefined;
  #server: grpc.Server | undefined;
  #port = 0;

  private constructor(options: EsdbStandInOptions) {
    this.#options = options;
    this.log = new StandInLog({ statsBetweenAppends: options.statsBetweenAppends ?? true });
  }

  /** Starts a stand-in on a free local port. */
  static async start(options: EsdbStandInOptions = {}): Promise<EsdbStandIn> {
    const standIn = new EsdbStandIn(options);
    await standIn.restart();
    return standIn;
  }

  /** The connection string of this stand-in (insecure, single node). */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.#port}?tls=false`;
  }

  /** Ends every open subscription with UNAVAILABLE, as a dropped connection does. */
  dropSubscriptions(): void {
    for (const call of [...this.#subscriptions]) {
      this.#subscriptions.delete(call);
      call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'the stand-in dropped the subscription' });
    }
  }

  /** Fails the next `times` appends to streams that `matches` with UNAVAILABLE, writing nothing. */
  refuseAppends(matches: (streamName: string) => boolean, times = 1): void {
    this.#refusals = { matches, remaining: times };
  }

  /** Stops serving at once (open calls fail); the log is kept for `restart`. */
  async stop(): Promise<void> {
    this.#subscriptions.clear();
    this.#server?.forceShutdown();
    this.#server = undefined;
  }

  /** Serves again, on the same port once it has one. */
  async restart(): Promise<void> {
    const server = new grpc.Server();
    server.addService(streamsGrpc.StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => this.#read(call),
      append: (
        call: grpc.ServerReadableStream<AppendReq, AppendResp>,
        done: grpc.sendUnaryData<AppendResp>,
      ) => this.#append(call, done),
      batchAppend: (call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>) =>
        this.#batchAppend(call),
    });
    if (this.#options.batchAppend ?? true) {
      server.addService(featuresGrpc.ServerFeaturesService, {
        getSupportedMethods: (_call: unknown, done: grpc.sendUnaryData<unknown>) =>
          done(null, supportedMethods()),
      });
    }
    this.#port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.#port}`, grpc.ServerCredentials.createInsecure(), (error, port) =>
        error ? reject(error) : resolve(port),
      ),
    );
    this.#server = server;
  }

  #refused(streamName: string): boolean {
    const refusals = this.#refusals;
    if (!refusals || refusals.remaining <= 0 || !refusals.matches(streamName)) return false;
    refusals.remaining -= 1;
    return true;
  }

  #write(streamName: string, events: readonly StandInProposed[], expected: StandInExpected) {
    return this.log.append(streamName, events, expected);
  }

  #append(
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    done: grpc.sendUnaryData<AppendResp>,
  ): void {
    let streamName = '';
    let expected: StandInExpected = 'any';
    const events: StandInProposed[] = [];
    call.on('data', (req: AppendReq) => {
      const options = req.getOptions();
      if (options) {
        streamName = streamNameOf(options.getStreamIdentifier());
        expected = expectedOfAppend(options);
      }
      const message = req.getProposedMessage();
      if (message) events.push(proposedOf(message));
    });
    call.on('end', () => {
      if (this.#refused(streamName)) return done(UNAVAILABLE);
      const outcome = this.#write(streamName, events, expected);
      done(
        null,
        outcome.kind === 'success'
          ? appendSuccess(outcome.currentRevision, outcome.position)
          : appendWrongExpectedVersion(outcome.current, outcome.expected),
      );
    });
  }

  #batchAppend(call: grpc.ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const pending = new Map<
      string,
      { streamName: string; expected: StandInExpected; events: StandInProposed[] }
    >();
    call.on('data', (req: BatchAppendReq) => {
      const key = req.getCorrelationId()?.getString() ?? '';
      let batch = pending.get(key);
      if (!batch) {
        const options = req.getOptions();
        batch = {
          streamName: streamNameOf(options?.getStreamIdentifier()),
          expected: options ? expectedOfBatch(options) : 'any',
          events: [],
        };
        pending.set(key, batch);
      }
      batch.events.push(...req.getProposedMessagesList().map(proposedOf));
      if (!req.getIsFinal()) return;
      pending.delete(key);
      // A refused append fails the whole call, as a lost connection does.
      if (this.#refused(batch.streamName)) {
        call.emit('error', UNAVAILABLE);
        return;
      }
      const outcome = this.#write(batch.streamName, batch.events, batch.expected);
      call.write(batchAppendResponse(req.getCorrelationId(), batch.streamName, outcome));
    });
    call.on('end', () => call.end());
  }

  #read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions();
    if (!options)
      return void call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: 'no options' });
    const direction = options.getReadDirection() === 1 ? 'backwards' : 'forwards';
    const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
    const resolveLinks = options.getResolveLinks();
    const response = (record: StandInRecord) =>
      readEventResponse(
        record,
        resolveLinks && record.type === '$>' ? { target: this.log.resolveLink(record) } : undefined,
      );
    if (options.hasStream()) {
      if (options.hasSubscription()) {
        return void call.emit('error', {
          code: grpc.status.UNIMPLEMENTED,
          details: 'stand-in: no stream subscriptions',
        });
      }
      const streamName = streamNameOf(options.getStream()?.getStreamIdentifier());
      const records = this.log.readStream(streamName, streamStartOf(options), direction, count);
      if (records === 'stream-not-found') call.write(streamNotFoundResponse(streamName));
      else for (const record of records) call.write(response(record));
      return void call.end();
    }
    const filter = filterOf(options);
    const start = allStartOf(options);
    if (!options.hasSubscription()) {
      for (const record of this.log.readAll(start, direction, count)) {
        if (passesFilter(record, filter)) call.write(response(record));
      }
      return void call.end();
    }
    // A catch-up subscription: everything after the start (exclusive), then live records.
    call.write(confirmationResponse(crypto.randomUUID()));
    const from =
      start === 'start' ? -1n : start === 'end' ? (this.log.records.at(-1)?.position ?? -1n) : start;
    for (const record of this.log.records) {
      if (record.position > from && passesFilter(record, filter)) call.write(response(record));
    }
    call.write(caughtUpResponse());
    const off = this.log.onWrite((record) => {
      if (passesFilter(record, filter)) call.write(response(record));
    });
    this.#subscriptions.add(call);
    const end = () => {
      off();
      this.#subscriptions.delete(call);
    };
    call.on('cancelled', end);
    call.on('close', end);
    call.on('error', end);
  }
}
