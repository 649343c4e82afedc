import type { AuditReport, RecordedEvent } from '@lvzhi/core';

/** Why a copy stopped: the target is not a copy of the source, or a copied event differs from its original. */
export type CopyFailureKind = 'foreign-target' | 'hash-mismatch' | 'audit-failed';

/** A copy that must not go on (exit 1): what went wrong, in both languages, and where. */
export class CopyFailure extends Error {
  override readonly name = 'CopyFailure';
  constructor(
    readonly kind: CopyFailureKind,
    message: string,
    readonly messageZh: string,
    readonly where: { readonly eventId?: string; readonly index?: number } = {},
  ) {
    super(message);
  }
}

/** How an event is named in messages: its stream and version, its id, and its position in one store. */
export function describe(e: RecordedEvent): string {
  return `${e.streamId} v${e.streamVersion} (${e.eventId}, position ${e.globalPosition})`;
}

export function describeZh(e: RecordedEvent): string {
  return `${e.streamId} 第 ${e.streamVersion} 版（${e.eventId}，位置 ${e.globalPosition}）`;
}

const short = (hash: string) => hash.slice(0, 12);

export function foreignTarget(index: number, original: RecordedEvent, held: RecordedEvent): CopyFailure {
  const what =
    original.eventId === held.eventId
      ? {
          en: `has hash ${short(held.hash)}… where the source's has ${short(original.hash)}…`,
          zh: `哈希为 ${short(held.hash)}…，而源存储中为 ${short(original.hash)}…`,
        }
      : {
          en: `is ${describe(held)} where the source's is ${describe(original)}`,
          zh: `为 ${describeZh(held)}，而源存储中为 ${describeZh(original)}`,
        };
  return new CopyFailure(
    'foreign-target',
    `the target is not a copy of this source, refused (nothing written): its event #${index} ${what.en}. Copy into an empty store, or one an earlier copy of this source left.`,
    `目标存储不是此源存储的副本，拒绝复制（未写入任何记录）：其第 ${index} 条记录${what.zh}。请复制到空存储，或此前从同一源存储复制（中断）的存储。`,
    { eventId: held.eventId, index },
  );
}

export function hashMismatch(
  index: number,
  original: RecordedEvent,
  copy: RecordedEvent | undefined,
): CopyFailure {
  if (copy === undefined) {
    return new CopyFailure(
      'hash-mismatch',
      `the copy is incomplete: the source's event #${index}, ${describe(original)}, is missing from the target`,
      `副本不完整：源存储的第 ${index} 条记录 ${describeZh(original)} 不在目标存储中`,
      { eventId: original.eventId, index },
    );
  }
  if (copy.eventId !== original.eventId) {
    return new CopyFailure(
      'hash-mismatch',
      `the copy differs from the source at event #${index}: the target holds ${describe(copy)} where the source holds ${describe(original)}`,
      `副本与源存储在第 ${index} 条记录处不一致：目标存储为 ${describeZh(copy)}，源存储为 ${describeZh(original)}`,
      { eventId: copy.eventId, index },
    );
  }
  return new CopyFailure(
    'hash-mismatch',
    `HASH MISMATCH at event #${index}, ${describe(original)}: the source's hash is ${original.hash}, the target's ${copy.hash}`,
    `哈希不一致：第 ${index} 条记录 ${describeZh(original)}，源存储哈希为 ${original.hash}，目标存储为 ${copy.hash}`,
    { eventId: original.eventId, index },
  );
}

export function auditFailure(audit: AuditReport): CopyFailure {
  const first = audit.findings[0]!;
  const at = `${first.streamId}${first.streamVersion === undefined ? '' : ` v${first.streamVersion}`}`;
  const atZh = `${first.streamId}${first.streamVersion === undefined ? '' : ` 第 ${first.streamVersion} 版`}`;
  const count = audit.findings.length;
  return new CopyFailure(
    'audit-failed',
    `the target fails audit verify (${count} finding${count === 1 ? '' : 's'}), the first at ${at}: ${first.kind}: ${first.message}`,
    `目标存储未通过 audit verify（${count} 项问题），第一项在 ${atZh}：${first.kind}：${first.messageZh}`,
    first.eventId === undefined ? {} : { eventId: first.eventId },
  );
}
