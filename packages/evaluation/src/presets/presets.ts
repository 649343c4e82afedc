import { parsePolicy } from '../policy/parsePolicy.ts';
import type { Policy } from '../policy/policySchema.ts';
import type { Label } from '../policy/vocabulary.ts';
import jinan2015 from './jinan-2015.json' with { type: 'json' };
import shandong2013 from './shandong-2013.json' with { type: 'json' };
import tongcheng2019 from './tongcheng-2019.json' with { type: 'json' };
import xuanweiTerm from './xuanwei-term.json' with { type: 'json' };

/** The published schemes shipped as data, in the order DOMAIN.md lists them. */
const PRESET_DATA: readonly unknown[] = [tongcheng2019, jinan2015, xuanweiTerm, shandong2013];

let parsed: ReadonlyMap<string, Policy> | undefined;

function presets(): ReadonlyMap<string, Policy> {
  if (parsed) return parsed;
  const map = new Map<string, Policy>();
  for (const data of PRESET_DATA) {
    const result = parsePolicy(data);
    if (!result.ok) throw new Error(`a shipped preset is invalid: ${JSON.stringify(result.error)}`);
    map.set(result.value.id, result.value);
  }
  parsed = map;
  return map;
}

/** A preset as listed by `lvzhi policies`. */
export interface PresetSummary {
  readonly id: string;
  readonly version: string;
  readonly period: 'year' | 'term';
  readonly title: Label;
  /** One line in Chinese and English. */
  readonly description: Label;
}

/** The shipped presets with a one-line description each. */
export function listPresets(): PresetSummary[] {
  return [...presets().values()].map((p) => ({
    id: p.id,
    version: p.version,
    period: p.period,
    title: p.title,
    description: p.description,
  }));
}

/** A shipped preset by id, or undefined. */
export function presetPolicy(id: string): Policy | undefined {
  return presets().get(id);
}
