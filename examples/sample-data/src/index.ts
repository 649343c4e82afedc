import { CommitteeSample } from './committeeSample.ts';
import { Random } from './random.ts';
import type { CommitteeSpec, PlannedCorrection, SampleCommand } from './types.ts';
import { DISTRICTS } from './vocabulary.ts';

export type { CommitteeSpec, PlannedCorrection, SampleCommand } from './types.ts';

/** Options of the sample: a seed, the calendar years to generate, and whether to add the 38 districts. */
export interface SampleOptions {
  readonly seed?: number;
  /** Calendar years of the 5th term (2018–2022) to generate; default `[2019]`. */
  readonly years?: readonly number[];
  /** Add Chongqing's 38 district and county committees (hundreds of thousands of commands). */
  readonly scale?: boolean;
}

/** The Chongqing city committee calibrated to its published 2019 figures (DOMAIN.md). */
export const CHONGQING_CITY: CommitteeSpec = {
  committeeId: 'cq',
  name: '政协重庆市委员会',
  level: 'provincial',
  term: 5,
  termStartsOn: '2018-01-16',
  termEndsOn: '2023-01-15',
  members: 851,
  plenaryPresentShare: 804 / 851,
  proposals: { session: 1660, interim: 14 },
  activityScale: 1,
  adoptionLevels: [
    ['provincial', 0.32],
    ['national', 0.06],
  ],
};

/** The specs of the 38 district and county committees (sizes drawn from the seed). */
export function districtSpecs(seed: number): CommitteeSpec[] {
  const r = new Random(seed ^ 0x5eed);
  return DISTRICTS.map(([id, name]) => {
    const members = r.int(180, 420);
    return {
      committeeId: `cq-${id}`,
      name: `政协重庆市${name}委员会`,
      level: 'county' as const,
      term: 15,
      termStartsOn: '2018-01-10',
      termEndsOn: '2023-01-09',
      members,
      plenaryPresentShare: 0.93,
      proposals: { session: Math.round(members * 1.1), interim: r.int(2, 12) },
      activityScale: 0.35,
      adoptionLevels: [
        ['county', 0.35],
        ['provincial', 0.05],
      ],
    };
  });
}

/** One generated committee: its commands in recording order and the corrections to apply afterwards. */
export interface CommitteeBatch {
  readonly committeeId: string;
  readonly commands: readonly SampleCommand[];
  readonly corrections: readonly PlannedCorrection[];
}

/**
 * Generates the sample, one committee at a time (so memory stays bounded at scale): the city committee
 * first, then, with `scale`, the districts. Deterministic for a seed.
 */
export function* generateSample(options: SampleOptions = {}): Generator<CommitteeBatch> {
  const seed = options.seed ?? 2019;
  const years = options.years ?? [2019];
  const specs = [CHONGQING_CITY, ...(options.scale ? districtSpecs(seed) : [])];
  for (const spec of specs) {
    const sample = new CommitteeSample(spec, seed).generate(years);
    yield { committeeId: spec.committeeId, commands: sample.commands(), corrections: sample.corrections };
  }
}

/** Every command of the sample as JSON Lines text, one committee at a time. */
export function* sampleLines(options: SampleOptions = {}): Generator<string> {
  for (const batch of generateSample(options)) for (const c of batch.commands) yield JSON.stringify(c);
}
