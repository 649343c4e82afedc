import { describe, expect, it } from 'vitest';
import { type InputLine, readLines } from './jsonLines.ts';

async function lines(chunks: readonly (string | Buffer)[], maxLineBytes?: number): Promise<InputLine[]> {
  const out: InputLine[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const l of readLines(source(), maxLineBytes === undefined ? {} : { maxLineBytes })) out.push(l);
  return out;
}

const texts = (ls: InputLine[]) => ls.map((l) => ('text' in l ? l.text : `<too long: ${l.bytes}>`));

describe('readLines', () => {
  it('splits on LF and CRLF, keeps blank lines, and reads a last line without a line end', async () => {
    expect(texts(await lines(['a\r\nb\n\nc']))).toEqual(['a', 'b', '', 'c']);
    expect((await lines(['a\nb\n'])).map((l) => l.number)).toEqual([1, 2]);
  });

  it('joins a line split across chunks, including a character split between its bytes', async () => {
    const bytes = Buffer.from('{"name":"政协"}\n');
    expect(texts(await lines([bytes.subarray(0, 11), bytes.subarray(11)]))).toEqual(['{"name":"政协"}']);
  });

  it('drops a leading byte-order mark', async () => {
    expect(texts(await lines(['\uFEFF{"a":1}\n']))).toEqual(['{"a":1}']);
  });

  it('reports a line over the limit with its size, without keeping it, and goes on', async () => {
    const long = 'x'.repeat(40);
    const got = await lines(['ok\n', long.slice(0, 25), `${long.slice(25)}\n`, 'next'], 16);
    expect(texts(got)).toEqual(['ok', '<too long: 40>', 'next']);
    expect(got.map((l) => l.number)).toEqual([1, 2, 3]);
  });

  it('measures the limit in bytes of UTF-8, not characters', async () => {
    // 6 Chinese characters are 18 bytes.
    expect(texts(await lines(['政协委员履职\n'], 16))).toEqual(['<too long: 18>']);
    expect(texts(await lines(['政协委员履\n'], 16))).toEqual(['政协委员履']);
  });
});
