import { ADOPTION_LEVELS, type AdoptionLevel, type OpinionFigures } from './analysisTypes.ts';
import type { OpinionEntry, RecordIndex } from './recordIndex.ts';
import { inYear, type Scope } from './yearScope.ts';

/** The live 社情民意 items of the scope's committees submitted in the year. */
export function opinionsInYear(index: RecordIndex, scope: Scope): OpinionEntry[] {
  return index.opinions.filter((o) => inYear(scope, o.committeeId, o.at));
}

/** 社情民意 items submitted in the year and every live adoption and instruction of them, whenever made. */
export function opinionFigures(opinions: readonly OpinionEntry[]): OpinionFigures {
  return {
    submitted: opinions.length,
    adopted: opinions.filter((o) => o.levels.size > 0).length,
    adoptedByLevel: Object.fromEntries(
      ADOPTION_LEVELS.map((l) => [l, opinions.filter((o) => o.levels.has(l)).length]),
    ) as Record<AdoptionLevel, number>,
    instructed: opinions.filter((o) => o.instructed).length,
  };
}
