// The text an event's hash covers, and its SHA-256. Plain JavaScript, and the package's second public entry
// (`@lvzhi/core/eventHash`), because a store's writer thread imports it: worker threads load files with
// Node's own loader, which does not read TypeScript on Node 20. `hashChain.ts` is the one other user.
import crypto from 'node:crypto';

/** SHA-256 of a text's UTF-8 bytes, in hex: one call where the runtime has `crypto.hash` (Node ≥ 20.12). */
export const sha256Hex =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * The hash of an event from the canonical JSON of its data and metadata: SHA-256 over `prevHash` followed by
 * the RFC 8785 JSON of the envelope without `hash` and `globalPosition`, whose other fields are written here
 * in RFC 8785 key order (data, eventId, metadata, prevHash, schemaVersion, streamId, streamVersion, type).
 */
export function eventHash(
  prevHash,
  eventId,
  streamId,
  streamVersion,
  type,
  schemaVersion,
  dataJson,
  metadataJson,
) {
  return sha256Hex(
    `${prevHash}{"data":${dataJson},"eventId":${JSON.stringify(eventId)},"metadata":${metadataJson},"prevHash":${JSON.stringify(prevHash)},"schemaVersion":${schemaVersion},"streamId":${JSON.stringify(streamId)},"streamVersion":${streamVersion},"type":${JSON.stringify(type)}}`,
  );
}
