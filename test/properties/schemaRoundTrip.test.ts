import { COMMAND_NAMES, EVENT_SCHEMAS, EVENT_TYPES, parseCommand } from '@lvzhi/core';
import {
  commandDataArbitrary,
  commandMetaArbitrary,
  eventDataArbitrary,
  historyArbitrary,
} from '@lvzhi/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const throughJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('Given any schema-valid command data', () => {
  it.each(COMMAND_NAMES)('%s written as a JSON line parses back to the same data and meta', (name) => {
    fc.assert(
      fc.property(commandDataArbitrary(name), commandMetaArbitrary, (data, meta) => {
        const parsed = parseCommand(throughJson({ command: name, data, meta }));
        expect(parsed).toMatchObject({ ok: true });
        if (!parsed.ok) return;
        expect(parsed.value.name).toBe(name);
        expect(parsed.value.data).toStrictEqual(data);
        expect(parsed.value.meta).toStrictEqual(meta);
      }),
      { numRuns: 30 },
    );
  });
});

describe('Given any schema-valid event data', () => {
  it.each(EVENT_TYPES)('%s stored as JSON reads back to the same data', (type) => {
    const schema = EVENT_SCHEMAS[type];
    fc.assert(
      fc.property(eventDataArbitrary(type), (data) => {
        const parsed = schema.safeParse(throughJson(data));
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(data);
      }),
      { numRuns: 30 },
    );
  });
});

describe('Given any valid history', () => {
  it('every line parses, and parsing its parsed data gives the same data', () => {
    fc.assert(
      fc.property(historyArbitrary(), (lines) => {
        for (const line of lines) {
          const once = parseCommand(throughJson(line));
          expect(once.ok, JSON.stringify(line)).toBe(true);
          if (!once.ok) return;
          const twice = parseCommand(
            throughJson({ command: line.command, data: once.value.data, meta: line.meta }),
          );
          expect(twice.ok && twice.value.data).toStrictEqual(once.value.data);
        }
      }),
      { numRuns: 30 },
    );
  });
});
