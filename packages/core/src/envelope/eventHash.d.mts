/** SHA-256 of a text's UTF-8 bytes, in hex. */
export declare const sha256Hex: (text: string) => string;

/**
 * The hash of an event from the canonical JSON of its data and metadata (see `eventHash.mjs`); the versions
 * must be integers (the callers check).
 */
export declare function eventHash(
  prevHash: string,
  eventId: string,
  streamId: string,
  streamVersion: number,
  type: string,
  schemaVersion: number,
  dataJson: string,
  metadataJson: string,
): string;
