import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandEnvelope } from './commands.ts';
import { parseCommand, plainEnvelope } from './parseCommand.ts';

const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'memberId', '0'));
const instant = fc.oneof(
  fc.constantFrom(
    '2019-04-19T17:30:00+08:00',
    '2019-04-19T09:30:00.000Z',
    '2019-04-19',
    '2019-13-01T00:00:00Z',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string(),
  fc.integer(),
);
const meta = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { recordedBy: fc.string({ minLength: 1, maxLength: 200 }), recordedAt: instant },
      { requiredKeys: ['recordedBy'] },
    ),
  },
  fc.record(
    { recordedBy: fc.oneof(fc.string({ maxLength: 210 }), fc.integer()), recordedAt: instant },
    { requiredKeys: [] },
  ),
  fc.dictionary(key, fc.jsonValue()),
);
const command = fc.oneof(fc.constantFrom('RecordAttendance', 'Nope', ''), fc.string({ maxLength: 70 }));
const data = fc.oneof({ weight: 3, arbitrary: fc.dictionary(key, fc.jsonValue()) }, fc.jsonValue());
const envelope = fc.oneof(
  { weight: 6, arbitrary: fc.record({ command, data, meta }) },
  fc.record({ command, data, meta, extra: fc.jsonValue() }, { requiredKeys: [] }),
  fc.anything(),
);

describe('Given any input, the plain-envelope fast path', () => {
  it('agrees with CommandEnvelope whenever it answers (also after a JSON round trip, with own __proto__ keys)', () => {
    let answered = 0;
    fc.assert(
      fc.property(envelope, fc.boolean(), (value, viaJson) => {
        let input: unknown = value;
        if (viaJson) {
          const text = JSON.stringify(value);
          if (text === undefined) return;
          input = JSON.parse(text.replaceAll('"constructor"', '"__proto__"'));
        }
        const fast = plainEnvelope(input);
        if (fast === undefined) return;
        answered += 1;
        const zod = CommandEnvelope.safeParse(input);
        expect(zod.success).toBe(true);
        expect(fast.data).toStrictEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
    console.log('ANSWERED', answered);
    expect(answered).toBeGreaterThan(100);
  });

  it('answers for the ordinary lines of a record file', () => {
    const line = {
      command: 'RecordAttendance',
      data: { meetingId: 'm1', memberId: 'a1', status: 'present' },
      meta: { recordedBy: '秘书处', recordedAt: '2019-04-19T17:30:00+08:00' },
    };
    expect(plainEnvelope(line)?.data).toStrictEqual(CommandEnvelope.parse(line));
    expect(plainEnvelope({ ...line, meta: { recordedBy: '秘书处' } })).toBeDefined();
  });

  it('leaves every invalid envelope to zod, which names the field', () => {
    const line = {
      command: 'RecordAttendance',
      data: {},
      meta: { recordedBy: 'x', recordedAt: 'yesterday' },
    };
    expect(plainEnvelope(line)).toBeUndefined();
    const parsed = parseCommand(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.field).toBe('meta.recordedAt');
    expect(plainEnvelope({ ...line, meta: { recordedBy: 'x' }, extra: 1 })).toBeUndefined();
  });
});
