import type { ExpectedVersion } from '@lvzhi/core';

/** One stream's part of an append, as the model sees it: only ids matter. */
export interface ModelRequest {
  readonly streamId: string;
  readonly eventIds: readonly string[];
  readonly expectedVersion: ExpectedVersion;
}

/** What the model predicts for a call: the ids written per request, or the first refusal. */
export type ModelOutcome =
  | {
      readonly kind: 'written';
      readonly results: readonly { readonly streamId: string; readonly eventIds: readonly string[] }[];
    }
  | {
      readonly kind: 'concurrency';
      readonly streamId: string;
      readonly expected: ExpectedVersion;
      readonly actual: number;
    }
  | { readonly kind: 'duplicate' };

/** The simplest possible event store: per-stream id lists and one global order, all or nothing per call. */
export class StoreModel {
  readonly streams = new Map<string, string[]>();
  readonly log: string[] = [];
  readonly #where = new Map<string, { readonly streamId: string; readonly version: number }>();

  version(streamId: string): number {
    return this.streams.get(streamId)?.length ?? 0;
  }

  /** Applies one `appendMany` call (an `append` is a call with one request) and predicts its outcome. */
  apply(requests: readonly ModelRequest[]): ModelOutcome {
    const planned: { streamId: string; eventIds: readonly string[]; isNew: boolean }[] = [];
    const heads = new Map<string, number>();
    const seen = new Set<string>();
    for (const req of requests) {
      const stored = req.eventIds.map((id) => this.#where.get(id));
      const found = stored.filter((s) => s !== undefined);
      if (found.length > 0) {
        const isRetry =
          found.length === req.eventIds.length &&
          found.every((s, i) => s.streamId === req.streamId && s.version === found[0]!.version + i);
        if (!isRetry) return { kind: 'duplicate' };
        planned.push({ streamId: req.streamId, eventIds: req.eventIds, isNew: false });
        continue;
      }
      const actual = heads.get(req.streamId) ?? this.version(req.streamId);
      const e = req.expectedVersion;
      const ok =
        e === 'any' || (e === 'no-stream' && actual === 0) || (e === 'exists' && actual > 0) || e === actual;
      if (!ok) return { kind: 'concurrency', streamId: req.streamId, expected: e, actual };
      for (const id of req.eventIds) {
        if (seen.has(id)) return { kind: 'duplicate' };
        seen.add(id);
      }
      heads.set(req.streamId, actual + req.eventIds.length);
      planned.push({ streamId: req.streamId, eventIds: req.eventIds, isNew: true });
    }
    for (const p of planned) {
      if (!p.isNew) continue;
      const stream = this.streams.get(p.streamId) ?? [];
      for (const id of p.eventIds) {
        stream.push(id);
        this.log.push(id);
        this.#where.set(id, { streamId: p.streamId, version: stream.length });
      }
      this.streams.set(p.streamId, stream);
    }
    return { kind: 'written', results: planned.map(({ streamId, eventIds }) => ({ streamId, eventIds })) };
  }
}
