/** Why an import stopped. */
export type ImportRefusalCode =
  /** A line is not JSON or not a valid event envelope. */
  | 'invalid-line'
  /** Global positions do not increase, or a stream's versions skip or repeat. */
  | 'out-of-order'
  /** An event's `prevHash` is not the hash of the stream's previous event in the file. */
  | 'broken-chain'
  /** An event's content does not match its `hash` (in the file, or as the target store chained it). */
  | 'hash-mismatch'
  /** The target store holds events that are not the beginning of this export. */
  | 'target-not-empty'
  /** An event id occurs twice, or another process wrote to the target during the import. */
  | 'conflict';

/** An import's refusal, naming the first offending line and event, in English and Chinese. */
export interface ImportRefusal {
  readonly code: ImportRefusalCode;
  /** The 1-based line of the export. */
  readonly line?: number;
  readonly eventId?: string;
  readonly streamId?: string;
  readonly streamVersion?: number;
  /** The field at fault (a dotted path), for invalid lines. */
  readonly field?: string;
  /** What the export says, and what was found instead (hashes, versions, positions). */
  readonly expected?: string;
  readonly actual?: string;
  readonly message: string;
  readonly messageZh: string;
}

/** A refusal with only the defined location fields kept. */
export function importRefusal(
  code: ImportRefusalCode,
  at: {
    readonly line?: number | undefined;
    readonly eventId?: string | undefined;
    readonly streamId?: string | undefined;
    readonly streamVersion?: number | undefined;
    readonly field?: string | undefined;
    readonly expected?: string | undefined;
    readonly actual?: string | undefined;
  },
  message: string,
  messageZh: string,
): ImportRefusal {
  const defined = Object.fromEntries(Object.entries(at).filter(([, v]) => v !== undefined));
  return { code, ...defined, message, messageZh };
}
