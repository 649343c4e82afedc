import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, CommandHandler, InMemoryEventStore, parseCommand } from '@lvzhi/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRows, heavy, runCli, writeSample } from './harness.ts';

/**
 * Item 3 of issue 8: malformed lines, each built from a valid sample line by exactly one mutation that makes it
 * invalid by the record format (DESIGN.md), so the rejection must name the mutated field.
 */
const COUNT = heavy ? 50_000 : 10_000;

interface Line {
  readonly command: string;
  readonly data: Record<string, unknown>;
  readonly meta: Record<string, unknown>;
}
interface Malformed {
  readonly text: string;
  /** The field the rejection must name (a path in the line), or null when the line is not JSON at all. */
  readonly field: string | null;
  readonly kind: string;
}

function requiredKeys(command: string): string[] {
  const schema = COMMANDS.get(command)!.schema as unknown as {
    shape: Record<string, { isOptional(): boolean }>;
  };
  return Object.entries(schema.shape)
    .filter(([, s]) => !s.isOptional())
    .map(([k]) => k);
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const anyJson = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const oddUnicode = fc.constantFrom(
  '\u0000',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '\u200b',
  '\uffff',
  '\u0085',
);
const badDates = fc.constantFrom(
  '2019-13-01',
  '2019-02-30',
  '2019-00-10',
  '99999-01-01',
  '-0001-01-01',
  '2019-1-1',
  '',
  '2019-06-31T25:61:00Z',
  'yesterday',
  '2019-06-15\u0000',
);
const dateKeys = /(On|From|To|At|^from$|^to$|^on$|startsOn|endsOn)$/;

function mutations(templates: readonly Line[]): fc.Arbitrary<Malformed> {
  const template = fc.constantFrom(...templates);
  const withField = (f: (line: Line, key: string) => fc.Arbitrary<Malformed>) =>
    template.chain((line) => fc.constantFrom(...requiredKeys(line.command)).chain((key) => f(line, key)));
  const text = (line: Line, data: Record<string, unknown>, extra: Partial<Line> = {}) =>
    JSON.stringify({ ...line, data, ...extra });

  const brokenJson = template.chain((line) =>
    fc
      .tuple(fc.nat(), fc.constantFrom('cut', 'comma', 'quote', 'nul'))
      .map(([n, how]): Malformed => {
        const t = JSON.stringify(line);
        const at = 1 + (n % (t.length - 2));
        const broken =
          how === 'cut'
            ? t.slice(0, at)
            : how === 'comma'
              ? `${t.slice(0, -1)},}`
              : how === 'quote'
                ? t.replace('"command"', 'command')
                : `${t.slice(0, at)}\u0000${t.slice(at)}`;
        return { text: broken, field: null, kind: 'broken-json' };
      })
      .filter((m) => {
        try {
          JSON.parse(m.text);
          return false;
        } catch {
          return true;
        }
      }),
  );
  const missing = withField((line, key) => {
    const { [key]: _, ...data } = line.data;
    return fc.constant({ text: text(line, data), field: `data.${key}`, kind: 'missing-field' });
  });
  const extra = template.chain((line) =>
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), anyJson).map(([k, v]) => ({
      text: text(line, { ...line.data, [`x_${k}`]: v }),
      field: `data.x_${k}`,
      kind: 'extra-field',
    })),
  );
  const wrongType = withField((line, key) =>
    anyJson
      .filter((v) => typeOf(v) !== typeOf(line.data[key]))
      .map((v) => ({
        text: text(line, { ...line.data, [key]: v }),
        field: `data.${key}`,
        kind: 'wrong-type',
      })),
  );
  const numberAsString = template
    .filter((l) => Object.values(l.data).some((v) => typeof v === 'number'))
    .map((line) => {
      const key = Object.keys(line.data).find((k) => typeof line.data[k] === 'number')!;
      return {
        text: text(line, { ...line.data, [key]: String(line.data[key]) }),
        field: `data.${key}`,
        kind: 'number-as-string',
      };
    });
  const badDate = template
    .filter((l) => Object.keys(l.data).some((k) => dateKeys.test(k)))
    .chain((line) => {
      const key = Object.keys(line.data).find((k) => dateKeys.test(k))!;
      return badDates.map((d) => ({
        text: text(line, { ...line.data, [key]: d }),
        field: `data.${key}`,
        kind: 'bad-date',
      }));
    });
  const enumKeys = ['status', 'mode', 'decision', 'result', 'kind', 'proposerType', 'level', 'subjectKind'];
  const oddEnum = template
    .filter((l) => enumKeys.some((k) => typeof l.data[k] === 'string'))
    .chain((line) => {
      const key = enumKeys.find((k) => typeof line.data[k] === 'string')!;
      return oddUnicode.map((u) => ({
        text: text(line, { ...line.data, [key]: `${line.data[key]}${u}` }),
        field: `data.${key}`,
        kind: 'odd-unicode',
      }));
    });
  const unknownCommand = template.chain((line) =>
    fc
      .oneof(
        fc.string({ maxLength: 20 }),
        oddUnicode.map((u) => `${line.command}${u}`),
        fc.constant(line.command.toLowerCase()),
      )
      .filter((c) => !COMMANDS.has(c))
      .map((c) => ({
        text: JSON.stringify({ ...line, command: c }),
        field: 'command',
        kind: 'unknown-command',
      })),
  );
  const badEnvelope = template.chain((line) =>
    fc.constantFrom<Malformed>(
      { text: JSON.stringify({ ...line, data: [line.data] }), field: 'data', kind: 'envelope' },
      { text: JSON.stringify({ ...line, data: JSON.stringify(line.data) }), field: 'data', kind: 'envelope' },
      { text: JSON.stringify({ command: line.command, data: line.data }), field: 'meta', kind: 'envelope' },
      {
        text: JSON.stringify({ ...line, meta: { ...line.meta, recordedBy: 7 } }),
        field: 'meta.recordedBy',
        kind: 'envelope',
      },
      { text: JSON.stringify({ ...line, command: 42 }), field: 'command', kind: 'envelope' },
      { text: JSON.stringify({ ...line, extra: true }), field: 'extra', kind: 'envelope' },
      { text: JSON.stringify([line]), field: null, kind: 'envelope' },
      { text: '42', field: null, kind: 'envelope' },
      { text: 'null', field: null, kind: 'envelope' },
    ),
  );
  // Huge strings and arrays in id fields: no schema may forbid them, but no such member or proposal exists.
  const huge = withField((line, key) =>
    fc.constantFrom('string', 'array').map((how) => ({
      text: text(line, {
        ...line.data,
        [key]:
          how === 'string'
            ? `${String(line.data[key])}${'字'.repeat(100_000)}`
            : Array.from({ length: 20_000 }, (_, i) => i),
      }),
      field: `data.${key}`,
      kind: `huge-${how}`,
    })),
  );
  return fc.oneof(
    { arbitrary: brokenJson, weight: 60 },
    { arbitrary: missing, weight: 60 },
    { arbitrary: extra, weight: 40 },
    { arbitrary: wrongType, weight: 80 },
    { arbitrary: numberAsString, weight: 20 },
    { arbitrary: badDate, weight: 40 },
    { arbitrary: oddEnum, weight: 40 },
    { arbitrary: unknownCommand, weight: 20 },
    { arbitrary: badEnvelope, weight: 20 },
    { arbitrary: huge, weight: 1 },
  );
}

describe('Given at least 10,000 fuzzed malformed record lines', () => {
  let dir = '';
  let sample: string[] = [];
  let malformed: Malformed[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lvzhi-fuzz-'));
    sample = writeSample(join(dir, 'year.jsonl'), { seed: 7 });
    const byCommand = new Map<string, Line>();
    for (const l of sample) {
      const line = JSON.parse(l) as Line;
      if (
        !byCommand.has(line.command) &&
        line.command !== 'RetractRecord' &&
        line.command !== 'CorrectRecord'
      )
        byCommand.set(line.command, line);
    }
    malformed = fc.sample(mutations([...byCommand.values()]), { numRuns: COUNT, seed: 83 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('parseCommand and the CommandHandler reject each one in process, naming the mutated field, writing nothing', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler<number>(store);
    for (const [i, l] of sample.entries()) await handler.submit(JSON.parse(l), i);
    await handler.flush();
    const before = await store.headPosition();
    const wrong: unknown[] = [];
    for (const m of malformed) {
      let input: unknown;
      try {
        input = JSON.parse(m.text);
      } catch {
        expect(m.field).toBeNull();
        continue;
      }
      const parsed = parseCommand(input);
      const outcome = parsed.ok
        ? await handler.handle(input)
        : { status: 'rejected' as const, rejection: parsed.error };
      if (outcome.status !== 'rejected') wrong.push({ kind: m.kind, text: m.text.slice(0, 300), outcome });
      else if (m.field !== null && !m.kind.startsWith('huge') && outcome.rejection.field !== m.field)
        wrong.push({ kind: m.kind, text: m.text.slice(0, 300), expected: m.field, got: outcome.rejection });
      else if (m.kind.startsWith('huge') && !outcome.rejection.field)
        wrong.push({ kind: m.kind, text: m.text.slice(0, 300), got: outcome.rejection });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(await store.headPosition()).toBe(before);
  }, 120_000);

  it('one `lvzhi record` process rejects every line, naming line, field and rule, and writes nothing', async () => {
    const db = join(dir, 'store.db');
    const seeded = await runCli([
      '--store',
      `sqlite:${db}`,
      'record',
      join(dir, 'year.jsonl'),
      '--format',
      'json',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const before = eventRows(db).length;
    const file = join(dir, 'malformed.jsonl');
    writeFileSync(file, `${malformed.map((m) => m.text.replaceAll('\n', '\\n')).join('\n')}\n`);
    const run = await runCli(['--store', `sqlite:${db}`, 'record', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as {
      recorded: number;
      rejected: number;
      rejections: { line: number; field: string | null; code: string; message: string }[];
    };
    expect(report.recorded).toBe(0);
    expect(report.rejected).toBe(malformed.length);
    expect(report.rejections.map((r) => r.line)).toEqual(malformed.map((_, i) => i + 1));
    for (const r of report.rejections) {
      const m = malformed[r.line - 1]!;
      expect(r.code.length).toBeGreaterThan(0);
      expect(r.message.length).toBeGreaterThan(0);
      // A line that is not a JSON object has no field to name: the rule names the whole line.
      if (m.field !== null && m.kind.startsWith('huge')) expect(r.field, JSON.stringify(r)).not.toBeNull();
      else if (m.field !== null) expect(r.field, JSON.stringify(r)).toBe(m.field);
    }
    expect(eventRows(db).length).toBe(before);
  }, 180_000);

  it('a line over the 1 MiB limit is rejected with a clear message, and the lines around it still count', async () => {
    const db = join(dir, 'limit.db');
    const file = join(dir, 'long.jsonl');
    const [first, second] = sample;
    writeFileSync(file, `${first}\n{"command":"${'x'.repeat(1024 * 1024 + 10)}"}\n${second}\n`);
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    const run = await runCli(['--store', `sqlite:${db}`, 'record', file, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      recorded: number;
      maxLineBytes: number;
      rejections: { line: number; code: string; message: string }[];
    };
    expect(report.maxLineBytes).toBe(1024 * 1024);
    expect(report.recorded).toBe(2);
    expect(report.rejections).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'line-too-long',
        message: expect.stringContaining('1048576 bytes'),
      }),
    ]);
    const text = await runCli(['--store', `sqlite:${join(dir, 'limit2.db')}`, 'record', file]);
    expect(text.stdout + text.stderr).toMatch(/line 2|第 2 行/);
    expect(text.stdout + text.stderr).toMatch(/1048576/);
  }, 60_000);
});
