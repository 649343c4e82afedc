import { StringDecoder } from 'node:string_decoder';

/** The longest line `lvzhi record` accepts, in bytes of UTF-8 (1 MiB). */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One line of a JSON Lines input: its text, or the fact that it was too long to keep. */
export type InputLine =
  | { readonly number: number; readonly text: string; readonly bytesRead: number }
  | { readonly number: number; readonly tooLong: true; readonly bytes: number; readonly bytesRead: number };

/**
 * Splits a byte stream into lines, one at a time, never holding more than one line (plus one chunk) in memory.
 * A line longer than `maxLineBytes` is reported as too long and its bytes are skipped, not kept. Accepts LF and
 * CRLF line ends and a leading byte-order mark. `bytesRead` counts the input
 * read so far (by chunk), for progress.
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  options: { readonly maxLineBytes?: number } = {},
): AsyncGenerator<InputLine> {
  const max = options.maxLineBytes ?? MAX_LINE_BYTES;
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let partsLength = 0;
  let skippedBytes = 0;
  let skipping = false;
  let number = 0;
  let bytesRead = 0;
  let first = true;

  const finish = (): InputLine => {
    number += 1;
    if (skipping) {
      const bytes = skippedBytes;
      skipping = false;
      skippedBytes = 0;
      return { number, tooLong: true, bytes, bytesRead };
    }
    let text = parts.length === 1 ? parts[0]! : parts.join('');
    parts = [];
    partsLength = 0;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    if (text.length * 3 > max) {
      const bytes = Buffer.byteLength(text);
      if (bytes > max) return { number, tooLong: true, bytes, bytesRead };
    }
    return { number, text, bytesRead };
  };

  const keep = (piece: string): void => {
    if (skipping) {
      skippedBytes += Buffer.byteLength(piece);
      return;
    }
    parts.push(piece);
    partsLength += piece.length;
    if (partsLength > max) {
      // Too long whatever its encoding: stop keeping it.
      skippedBytes = Buffer.byteLength(parts.join(''));
      parts = [];
      partsLength = 0;
      skipping = true;
    }
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytesRead += buffer.length;
    let text = decoder.write(buffer);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      keep(text.slice(start, nl));
      yield finish();
      start = nl + 1;
    }
    if (start < text.length) keep(text.slice(start));
  }
  const rest = decoder.end();
  if (rest) keep(rest);
  if (skipping || partsLength > 0) yield finish();
}
