import type { RecordedEvent } from '../envelope/envelope.ts';
import { computeEventHash, GENESIS_HASH } from '../envelope/hashChain.ts';
import type { EventStore } from '../eventStore/eventStore.ts';
import { type LogSeal, merkleRoot, SEAL_EVENT_TYPE, SEAL_STREAM } from './seal.ts';

/** Kinds of damage an audit finds. */
export type TamperKind =
  | 'hash-mismatch'
  | 'broken-link'
  | 'version-gap'
  | 'version-out-of-order'
  | 'truncated-stream'
  | 'deleted-stream'
  | 'rewritten-history'
  | 'inserted-before-seal'
  | 'seal-invalid';

/** One finding of an audit, located by stream and version. */
export interface AuditFinding {
  readonly kind: TamperKind;
  readonly streamId: string;
  readonly streamVersion?: number;
  readonly eventId?: string;
  readonly globalPosition?: number;
  readonly message: string;
  readonly messageZh: string;
}

/** The result of verifying a log. */
export interface AuditReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** The latest seal checked against, if any. */
  readonly seal:
    | {
        readonly eventId: string;
        readonly position: number;
        readonly occurredAt: string;
        readonly streams: number;
      }
    | undefined;
  /** Every finding, stream by stream in order of their first event, versions ascending: the first broken event first. */
  readonly findings: readonly AuditFinding[];
}

function finding(
  kind: TamperKind,
  streamId: string,
  at: { streamVersion?: number; eventId?: string; globalPosition?: number },
  message: string,
  messageZh: string,
): AuditFinding {
  return { kind, streamId, ...at, message, messageZh };
}

/** Checks one stream's chain; returns its findings and its head. */
async function verifyStream(store: EventStore, streamId: string) {
  const findings: AuditFinding[] = [];
  let version = 0;
  let prevHash = GENESIS_HASH;
  let head: RecordedEvent | undefined;
  const byVersion = new Map<number, RecordedEvent>();
  let lastPosition = 0;
  for await (const e of store.readStream(streamId)) {
    const at = { streamVersion: e.streamVersion, eventId: e.eventId, globalPosition: e.globalPosition };
    if (e.streamVersion !== version + 1) {
      findings.push(
        finding(
          'version-gap',
          streamId,
          at,
          `version ${version + 1} is missing before version ${e.streamVersion} (an event was deleted)`,
          `缺少第 ${version + 1} 版（有记录被删除）`,
        ),
      );
    } else if (e.prevHash !== prevHash) {
      findings.push(
        finding(
          'broken-link',
          streamId,
          at,
          `prevHash does not match the hash of version ${version} (events were removed, inserted or swapped)`,
          `前序哈希与第 ${version} 版不符（记录被删除、插入或调换）`,
        ),
      );
    }
    if (computeEventHash(e) !== e.hash) {
      findings.push(
        finding(
          'hash-mismatch',
          streamId,
          at,
          'the content does not match its hash (payload or metadata edited)',
          '内容与哈希不符（数据或元数据被改动）',
        ),
      );
    }
    if (e.globalPosition < lastPosition) {
      findings.push(
        finding(
          'version-out-of-order',
          streamId,
          at,
          'versions are out of global order (events swapped)',
          '版本顺序与全局顺序不一致（记录被调换）',
        ),
      );
    }
    lastPosition = e.globalPosition;
    byVersion.set(e.streamVersion, e);
    version = e.streamVersion;
    prevHash = e.hash;
    head = e;
  }
  return { findings, head, version, byVersion };
}

/**
 * Recomputes every stream's hash chain and checks the log against its latest seal: finds and locates an
 * edited payload or metadata, a deleted event, swapped events, a truncated stream tail, a deleted stream,
 * and an event inserted before the seal. Streams are read one at a time (memory bounded by the largest stream).
 */
export async function verifyLog(
  store: EventStore,
  options: { readonly onProgress?: (streams: number) => void } = {},
): Promise<AuditReport> {
  const findings: AuditFinding[] = [];
  let seal: RecordedEvent<string, LogSeal> | undefined;
  const sealChain = await verifyStream(store, SEAL_STREAM);
  findings.push(...sealChain.findings);
  for (const e of sealChain.byVersion.values())
    if (e.type === SEAL_EVENT_TYPE) seal = e as RecordedEvent<string, LogSeal>;
  const sealed = new Map((seal?.data.heads ?? []).map((h) => [h.streamId, h]));
  if (seal && merkleRoot(seal.data.heads) !== seal.data.merkleRoot) {
    findings.push(
      finding(
        'seal-invalid',
        SEAL_STREAM,
        { streamVersion: seal.streamVersion, eventId: seal.eventId },
        "the seal's Merkle root does not match its heads",
        '封存的默克尔根与其记录的流头不符',
      ),
    );
  }
  let streams = 0;
  let events = sealChain.version;
  const seen = new Set<string>();
  for await (const { streamId } of store.listStreams()) {
    if (streamId === SEAL_STREAM) continue;
    streams++;
    seen.add(streamId);
    const s = await verifyStream(store, streamId);
    events += s.byVersion.size;
    findings.push(...s.findings);
    const h = sealed.get(streamId);
    if (seal && h) {
      const atSeal = s.byVersion.get(h.version);
      if (s.version < h.version) {
        findings.push(
          finding(
            'truncated-stream',
            streamId,
            { streamVersion: s.version + 1 },
            `the stream ends at version ${s.version} but was sealed at version ${h.version} (its tail was deleted)`,
            `该流止于第 ${s.version} 版，但封存时为第 ${h.version} 版（尾部被删除）`,
          ),
        );
      } else if (!atSeal || atSeal.hash !== h.hash) {
        findings.push(
          finding(
            'rewritten-history',
            streamId,
            { streamVersion: h.version, ...(atSeal ? { eventId: atSeal.eventId } : {}) },
            `version ${h.version} differs from the sealed head (history rewritten)`,
            `第 ${h.version} 版与封存的流头不符（历史被改写）`,
          ),
        );
      }
    }
    if (seal) {
      for (const e of s.byVersion.values()) {
        // The seal event's own position in this store: positions are renumbered by a copy, hashes are not.
        const before = e.globalPosition < seal.globalPosition;
        if (before && (!h || e.streamVersion > h.version)) {
          findings.push(
            finding(
              'inserted-before-seal',
              streamId,
              { streamVersion: e.streamVersion, eventId: e.eventId, globalPosition: e.globalPosition },
              "an event sits before the seal's position but was not covered by the seal (inserted afterwards)",
              '该记录位于封存位置之前，却不在封存范围内（事后插入）',
            ),
          );
        }
      }
    }
    options.onProgress?.(streams);
  }
  for (const h of sealed.values()) {
    if (!seen.has(h.streamId)) {
      findings.push(
        finding(
          'deleted-stream',
          h.streamId,
          { streamVersion: 1 },
          `the stream was sealed with ${h.version} events and no longer exists`,
          `该流封存时有 ${h.version} 条记录，现已不存在`,
        ),
      );
    }
  }
  return {
    ok: findings.length === 0,
    streams,
    events,
    seal: seal && {
      eventId: seal.eventId,
      position: seal.data.position,
      occurredAt: seal.data.occurredAt,
      streams: seal.data.streamCount,
    },
    findings,
  };
}
