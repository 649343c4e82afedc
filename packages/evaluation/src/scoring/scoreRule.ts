import { match } from 'ts-pattern';
import type { Item, ItemSubject } from '../evaluation/evaluationTypes.ts';
import type { Params, Rule, TiersRule } from '../policy/policySchema.ts';
import type { Fact } from '../record/facts.ts';
import { matchFact, type Selected, selectFacts } from '../record/selectFacts.ts';
import { unionEvidence } from './points.ts';

/** The member being scored: the period's facts, the policy's parameters and the seat cited for "nothing recorded". */
export interface Scoring {
  readonly facts: readonly Fact[];
  readonly params: Params;
  readonly seatEventId: string;
}

/** What a rule gives: its items, and the flags a rule itself raises (`whenNone.flag`). */
export interface RuleOutcome {
  readonly items: Item[];
  readonly flags: { readonly code: string; readonly evidence: readonly string[] }[];
}

/** The act a selected fact is, as a report shows it (an attendance with its status and leave reason). */
function subject({ fact }: Selected): ItemSubject {
  const base = { family: fact.family, id: fact.subjectId, on: fact.on };
  if (fact.family !== 'attendance') return base;
  return {
    ...base,
    status: fact.status,
    ...(fact.leaveReason === undefined ? {} : { leaveReason: fact.leaveReason }),
    ...(fact.fractionAttended === undefined ? {} : { fractionAttended: fact.fractionAttended }),
  };
}

function tiers(rule: TiersRule, block: string, selected: Selected[], m: Scoring): RuleOutcome {
  if (selected.length === 0) {
    const { points, flag } = rule.whenNone;
    return {
      items: [{ block, rule: rule.id, kind: 'none', points, evidence: [m.seatEventId] }],
      flags: flag === undefined ? [] : [{ code: flag, evidence: [m.seatEventId] }],
    };
  }
  const evidence = unionEvidence(selected.map((s) => s.evidence));
  const holds = (where: Rule['select'], quantifier: 'any' | 'all') => {
    const test = (s: Selected) => matchFact(s.fact, where, m.params) !== undefined;
    return quantifier === 'any' ? selected.some(test) : selected.every(test);
  };
  const tier = rule.tiers.findIndex((t) => holds(t.where, t.quantifier));
  const points = tier < 0 ? rule.otherwise : rule.tiers[tier]!.points;
  return {
    items: [
      {
        block,
        rule: rule.id,
        kind: 'tier',
        points,
        evidence,
        subjects: selected.map(subject),
        ...(tier < 0 ? {} : { tier }),
      },
    ],
    flags: [],
  };
}

/** The items one rule gives a member, before the rule's own cap and floor. */
export function scoreRule(rule: Rule, block: string, m: Scoring): RuleOutcome {
  const selected = selectFacts(m.facts, rule.select, m.params);
  return match(rule)
    .with({ kind: 'per-act' }, (r) => ({
      items: selected.map(
        (s): Item => ({
          block,
          rule: r.id,
          kind: 'act',
          points: r.points * s.share,
          evidence: s.evidence,
          subject: subject(s),
          ...(s.share === 1 ? {} : { share: s.share }),
        }),
      ),
      flags: [],
    }))
    .with({ kind: 'count' }, (r) => ({
      items:
        selected.length === 0
          ? []
          : [
              {
                block,
                rule: r.id,
                kind: 'count' as const,
                points: r.points * Math.max(0, selected.length - r.beyond),
                evidence: unionEvidence(selected.map((s) => s.evidence)),
                count: selected.length,
                subjects: selected.map(subject),
              },
            ],
      flags: [],
    }))
    .with({ kind: 'tiers' }, (r) => tiers(r, block, selected, m))
    .exhaustive();
}
