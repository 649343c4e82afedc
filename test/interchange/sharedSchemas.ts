import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type Schema, Validator } from 'jsonschema';
import { repoRoot } from '../cli/runCli.ts';

/**
 * The published schemas, read where CI clones them: `shared/schemas` beside the repository (never copied in).
 * Missing schemas fail the test that needs them, with a message saying where they were looked for.
 */
export const schemasDir = resolve(repoRoot, '../shared/schemas');

function schemaPath(...parts: string[]): string {
  const path = join(schemasDir, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `the shared schemas are missing: expected ${path} (../shared/schemas beside the repository root ${repoRoot}; see SOURCES.txt there). These tests validate exports against them and cannot pass without them.`,
    );
  }
  return path;
}

const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

// ajv-formats is CommonJS: its default export is the function under ESM interop.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/** Validates against the CloudEvents 1.0 JSON schema (draft-07, with ajv and its formats); returns the errors. */
export function cloudEventsSchemaValidator(): (event: unknown) => string[] {
  const schema = readJson(schemaPath('cloudevents', 'cloudevents.json'));
  // The schema types several attributes as unions (string or null): allowed, not a mistake.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (event) =>
    validate(event) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The Popolo classes of the schemas, by file name without `.json`. */
export type PopoloClass = 'person' | 'organization' | 'membership' | 'event' | 'speech' | 'motion' | 'count';

/**
 * Validates against the Popolo schemas (JSON Schema draft-03, which ajv cannot load) with the `jsonschema`
 * package, every schema registered under its id so that cross-schema `$ref`s resolve; returns the errors.
 */
export function popoloValidator(): (item: unknown, cls: PopoloClass) => string[] {
  const dir = schemaPath('popolo');
  const validator = new Validator();
  const byClass = new Map<string, Schema>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const schema = readJson(join(dir, file)) as Schema;
    validator.addSchema(schema, schema.id);
    byClass.set(file.replace(/\.json$/, ''), schema);
  }
  return (item, cls) => {
    const schema = byClass.get(cls);
    if (!schema) throw new Error(`no Popolo schema for ${cls} in ${dir}`);
    return validator.validate(item, schema, { nestedErrors: true }).errors.map((e) => e.stack);
  };
}
