import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of a zod definition the derivation reads (zod 4 keeps them on `schema._zod.def`). */
interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly format?: string;
  readonly offset?: boolean;
  readonly local?: boolean;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly innerType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly keyType?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
}

interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
}

/** Generated strings and arrays stay short, whatever the schema allows, so that properties run fast. */
const MAX_TEXT = 24;
const MAX_ITEMS = 4;

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** One UTF-16 unit of text: printable ASCII or a CJK ideograph (committee records are mostly Chinese). */
export const textUnit: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
);

const calendarDay = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const clockTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m, s]) => [h, m, s].map((n) => String(n).padStart(2, '0')).join(':'));

const fraction = fc.option(
  fc.integer({ min: 0, max: 999 }).map((ms) => `.${String(ms).padStart(3, '0')}`),
  {
    nil: '',
  },
);

/** An ISO-8601 instant, with an offset (or `Z` only when `withOffset` is false). */
export function instantArbitrary(withOffset: boolean): fc.Arbitrary<string> {
  const offset = withOffset
    ? fc.constantFrom('Z', '+08:00', '-05:00', '+05:45', '+14:00', '-12:00')
    : fc.constant('Z');
  return fc.tuple(calendarDay, clockTime, fraction, offset).map(([d, t, f, o]) => `${d}T${t}${f}${o}`);
}

/** A JSON value that survives `JSON.stringify` then `JSON.parse` unchanged (no `-0`, no `__proto__` key). */
export const plainJsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 }).map(function plain(
  v: unknown,
): unknown {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== '__proto__')
        .map(([k, x]) => [k, plain(x)]),
    );
  }
  return v;
});

function lengthBounds(def: Def): { minLength: number; maxLength: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length' && d.minimum !== undefined) min = Math.max(min, d.minimum);
    if (d.check === 'max_length' && d.maximum !== undefined) max = Math.min(max, d.maximum);
  }
  return { minLength: min, maxLength: Math.max(min, Math.min(max, min + MAX_TEXT)) };
}

function stringArbitrary(schema: z.core.$ZodType, def: Def): fc.Arbitrary<string> {
  switch (def.format) {
    case undefined:
      break;
    case 'date':
      return calendarDay;
    case 'datetime':
      if (def.local) throw new Error('schemaArbitrary: local datetimes are not supported');
      return instantArbitrary(def.offset === true);
    case 'uuid':
      return fc.uuid({ version: 7 });
    default:
      throw new Error(`schemaArbitrary: string format ${def.format} is not supported`);
  }
  const patterns = (def.checks ?? []).map((c) => c._zod.def).filter((d) => d.format === 'regex');
  const unsupported = (def.checks ?? [])
    .map((c) => c._zod.def)
    .find((d) => d.format !== undefined && d.format !== 'regex');
  if (unsupported) throw new Error(`schemaArbitrary: string check ${unsupported.format} is not supported`);
  const { minLength, maxLength } = lengthBounds(def);
  const text = fc.string({ unit: textUnit, minLength, maxLength });
  // A pattern is honoured by filtering: the ids' pattern (no spaces or control characters) rarely refuses.
  return patterns.length === 0 ? text : text.filter((s) => isValid(schema, s));
}

function isValid(schema: z.core.$ZodType, value: unknown): boolean {
  const result = schema['~standard'].validate(value);
  return !(result instanceof Promise) && result.issues === undefined;
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min: number | undefined;
  let max: number | undefined;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than' && d.value !== undefined && d.inclusive) min = d.value;
    if (d.check === 'less_than' && d.value !== undefined && d.inclusive) max = d.value;
    if ((d.check === 'greater_than' || d.check === 'less_than') && !d.inclusive) {
      throw new Error('schemaArbitrary: exclusive number bounds are not supported');
    }
  }
  if (def.format === 'safeint') {
    return fc.integer({ min: min ?? Number.MIN_SAFE_INTEGER, max: max ?? Number.MAX_SAFE_INTEGER });
  }
  if (def.format !== undefined)
    throw new Error(`schemaArbitrary: number format ${def.format} is not supported`);
  return fc
    .double({
      noNaN: true,
      noDefaultInfinity: true,
      ...(min === undefined ? {} : { min }),
      ...(max === undefined ? {} : { max }),
    })
    .map((n) => (n === 0 ? 0 : n));
}

function objectArbitrary(def: Def): fc.Arbitrary<Record<string, unknown>> {
  const shape = def.shape ?? {};
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const fieldDef = defOf(field);
    if (fieldDef.type === 'optional') {
      fields[key] = schemaArbitrary(fieldDef.innerType!);
    } else {
      fields[key] = schemaArbitrary(field);
      requiredKeys.push(key);
    }
  }
  return fc.record(fields, { requiredKeys, noNullPrototype: true });
}

/**
 * An arbitrary of values that a zod schema accepts, derived from the schema's definition, in the schema's
 * output form (defaults filled in), so that parsing a generated value gives it back unchanged.
 * Supports what the record format uses (objects, strings with length, id pattern, date, datetime and uuid
 * formats, numbers and integers with bounds, booleans, enums, arrays, unions, records, optionals, defaults);
 * anything else throws, so a new kind of field is noticed.
 * @example fc.assert(fc.property(schemaArbitrary(Schema), (v) => Schema.safeParse(v).success))
 */
export function schemaArbitrary(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'object':
      return objectArbitrary(def);
    case 'array': {
      const { minLength, maxLength } = lengthBounds(def);
      return fc.array(schemaArbitrary(def.element!), {
        minLength,
        maxLength: Math.min(maxLength, minLength + MAX_ITEMS),
      });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => schemaArbitrary(o)));
    case 'record':
      return fc.dictionary(
        (schemaArbitrary(def.keyType!) as fc.Arbitrary<string>).filter((k) => k !== '__proto__'),
        schemaArbitrary(def.valueType!),
        { maxKeys: MAX_ITEMS, noNullPrototype: true },
      );
    case 'unknown':
    case 'any':
      return plainJsonValue;
    case 'optional':
    case 'default':
      return schemaArbitrary(def.innerType!);
    case 'nullable':
      return fc.option(schemaArbitrary(def.innerType!), { nil: null });
    default:
      throw new Error(`schemaArbitrary: zod type ${def.type} is not supported`);
  }
}

/** `schemaArbitrary` typed by the schema's output, for picking one field (e.g. an enum) of a schema's shape. */
export function fieldArbitrary<S extends z.ZodType>(schema: S): fc.Arbitrary<z.output<S>> {
  return schemaArbitrary(schema) as fc.Arbitrary<z.output<S>>;
}
