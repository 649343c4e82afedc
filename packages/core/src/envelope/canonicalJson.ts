/**
 * RFC 8785 (JCS) canonical JSON of a JSON value: object keys sorted by UTF-16 code units, no whitespace,
 * numbers and strings as ECMAScript serializes them. Hand-written because it is on the hot path of every
 * append (the `canonicalize` package is several times slower); a property test checks it against that
 * package on arbitrary JSON.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} cannot be canonicalized`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item = value[i];
          out +=
            item === undefined || typeof item === 'function' || typeof item === 'symbol'
              ? 'null'
              : canonicalJson(item);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 0) return '{}';
      const { sorted, prefixes } = shapeOf(keys);
      let out = '{';
      for (let i = 0; i < sorted.length; i++) {
        const item = record[sorted[i]!];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        if (out.length > 1) out += ',';
        out += prefixes[i]! + (typeof item === 'string' ? JSON.stringify(item) : canonicalJson(item));
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`a ${typeof value} cannot be canonicalized`);
  }
}

/** An object's own keys in the order `Object.keys` gave them, sorted, and each sorted key's `"key":` text. */
interface Shape {
  readonly keys: readonly string[];
  readonly sorted: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * Shapes seen, by their first and last keys: objects built alike list the same keys in the same order, so their
 * sorted order and quoted keys are worked out once (bounded: the table is cleared when it grows too large).
 */
const shapes = new Map<string, Map<string, Shape[]>>();
let shapeCount = 0;
const MAX_SHAPES = 5000;
const BUCKET_SIZE = 16;
const MAX_SHAPE_KEYS = 64;

function shapeOf(keys: string[]): Shape {
  const n = keys.length;
  if (n > MAX_SHAPE_KEYS) return newShape(keys);
  const first = keys[0]!;
  const last = keys[n - 1]!;
  let byLast = shapes.get(first);
  if (byLast === undefined) {
    if (shapeCount >= MAX_SHAPES) {
      shapes.clear();
      shapeCount = 0;
    }
    byLast = new Map();
    shapes.set(first, byLast);
  }
  let bucket = byLast.get(last);
  if (bucket === undefined) {
    bucket = [];
    byLast.set(last, bucket);
  } else {
    next: for (const shape of bucket) {
      const known = shape.keys;
      if (known.length !== n) continue;
      for (let i = 1; i < n - 1; i++) if (known[i] !== keys[i]) continue next;
      return shape;
    }
  }
  const shape = newShape(keys);
  if (bucket.length < BUCKET_SIZE) {
    bucket.push(shape);
    shapeCount += 1;
  }
  return shape;
}

function newShape(keys: string[]): Shape {
  const sorted = [...keys].sort();
  return { keys, sorted, prefixes: sorted.map((k) => `${JSON.stringify(k)}:`) };
}
