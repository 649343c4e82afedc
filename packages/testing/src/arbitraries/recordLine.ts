import { COMMAND_NAMES, COMMANDS, type CommandName, EVENT_SCHEMAS, type EventType } from '@lvzhi/core';
import fc from 'fast-check';
import { withPooledIds } from './idPool.ts';
import { instantArbitrary, schemaArbitrary, textUnit } from './schemaArbitrary.ts';

/** One line of the record format, `{command, data, meta}`, as `lvzhi record` reads it. */
export interface RecordLine {
  readonly command: CommandName;
  readonly data: Readonly<Record<string, unknown>>;
  readonly meta: { readonly recordedBy: string; readonly recordedAt?: string };
}

/** Schema-valid data of one command, derived from its zod schema, in parsed form (defaults filled in). */
export function commandDataArbitrary(name: CommandName): fc.Arbitrary<Readonly<Record<string, unknown>>> {
  const definition = COMMANDS.get(name);
  if (!definition) throw new Error(`commandDataArbitrary: no command ${name}`);
  return schemaArbitrary(definition.schema) as fc.Arbitrary<Readonly<Record<string, unknown>>>;
}

/** Schema-valid data of one event type, derived from its zod schema. */
export function eventDataArbitrary(type: EventType): fc.Arbitrary<Readonly<Record<string, unknown>>> {
  return schemaArbitrary(EVENT_SCHEMAS[type]) as fc.Arbitrary<Readonly<Record<string, unknown>>>;
}

/** The `meta` of a record-format line: who recorded it and, sometimes, when. */
export const commandMetaArbitrary: fc.Arbitrary<RecordLine['meta']> = fc.record(
  {
    recordedBy: fc.string({ unit: textUnit, minLength: 1, maxLength: 20 }),
    recordedAt: instantArbitrary(true),
  },
  { requiredKeys: ['recordedBy'], noNullPrototype: true },
);

/** Options of `recordLineArbitrary`. */
export interface RecordLineOptions {
  /** The commands to generate (default: every command). */
  readonly names?: readonly CommandName[];
  /** When given, every entity id in the data is drawn from these, so that lines name the same entities. */
  readonly ids?: readonly string[];
}

/**
 * A schema-valid line of the record format: valid in shape, not necessarily accepted by the domain rules.
 */
export function recordLineArbitrary(options: RecordLineOptions = {}): fc.Arbitrary<RecordLine> {
  const { names = COMMAND_NAMES, ids } = options;
  return fc.oneof(
    ...names.map((command) =>
      fc
        .record({
          command: fc.constant(command),
          data: commandDataArbitrary(command),
          meta: commandMetaArbitrary,
          picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        })
        .map(
          ({ picks, data, ...line }): RecordLine => ({
            ...line,
            data: ids ? withPooledIds(data, ids, picks) : data,
          }),
        ),
    ),
  );
}
