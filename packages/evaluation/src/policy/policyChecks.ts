import type { Policy } from './policySchema.ts';

/** A rule a policy breaks, at a path of its JSON. */
export interface PolicyProblem {
  /** Where, as a JSON path: `$.score.blocks[0].rules[1].points`. */
  readonly path: string;
  /** Which rule of the policy language: a zod issue code (`invalid-type`, …) or a cross-check (`unique-id`, …). */
  readonly rule: string;
  readonly message: string;
}

type Path = readonly (string | number)[];

/** Renders a path as `$.a.b[0].c`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** The rules of the policy language that a schema alone cannot state. */
export function checkPolicy(policy: Policy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (path: Path, rule: string, message: string) =>
    problems.push({ path: jsonPath(path), rule, message });
  const checkBounds = (path: Path, b: { cap?: number | undefined; floor?: number | undefined }) => {
    if (b.cap !== undefined && b.floor !== undefined && b.cap < b.floor) {
      add([...path, 'cap'], 'cap-below-floor', `cap ${b.cap} is below floor ${b.floor}`);
    }
  };

  const ids = new Map<string, string>();
  const claim = (id: string, path: Path) => {
    const first = ids.get(id);
    if (first) add([...path, 'id'], 'unique-id', `id "${id}" is already used at ${first}`);
    else ids.set(id, jsonPath(path));
  };
  if (policy.score) {
    checkBounds(['score'], policy.score);
    policy.score.blocks.forEach((block, b) => {
      const bp: Path = ['score', 'blocks', b];
      claim(block.id, bp);
      if (block.id === 'score')
        add([...bp, 'id'], 'reserved-id', '"score" names the adjustment block of the score\'s own bounds');
      checkBounds(bp, block);
      if (block.base === undefined && block.rules.length === 0) {
        add([...bp, 'rules'], 'empty-block', 'a block needs base points or at least one rule');
      }
      block.rules.forEach((rule, r) => {
        const rp: Path = [...bp, 'rules', r];
        claim(rule.id, rp);
        checkBounds(rp, rule);
        if (rule.kind === 'tiers') {
          rule.tiers.forEach((tier, t) => {
            if (tier.where.act !== rule.select.act) {
              add(
                [...rp, 'tiers', t, 'where', 'act'],
                'tier-act-mismatch',
                `a tier tests "${rule.select.act}" acts, not "${tier.where.act}"`,
              );
            }
          });
        }
      });
    });
  }

  if (policy.minimums) {
    const seen = new Set<string>();
    policy.minimums.requirements.forEach((req, i) => {
      if (seen.has(req.id))
        add(['minimums', 'requirements', i, 'id'], 'unique-id', `requirement id "${req.id}" is used twice`);
      seen.add(req.id);
    });
    if (policy.minimums.flag === undefined && policy.grading?.minimumsNotMet === undefined) {
      add(['minimums'], 'minimums-unused', 'minimums need a `flag` or `grading.minimumsNotMet`');
    }
  }

  if (policy.grading) {
    if (!policy.score) add(['grading'], 'needs-score', 'grading by bands needs a `score`');
    if (policy.grading.minimumsNotMet !== undefined && !policy.minimums) {
      add(['grading', 'minimumsNotMet'], 'needs-minimums', '`minimumsNotMet` needs `minimums`');
    }
    policy.grading.bands.forEach((band, i) => {
      const prev = policy.grading?.bands[i - 1];
      if (prev && band.atLeast >= prev.atLeast) {
        add(
          ['grading', 'bands', i, 'atLeast'],
          'bands-descending',
          'bands are listed from the highest `atLeast` down',
        );
      }
    });
  }

  policy.flags.forEach((flag, i) => {
    const fp: Path = ['flags', i];
    if (flag.kind === 'score-below' && !policy.score)
      add([...fp, 'kind'], 'needs-score', '`score-below` needs a `score`');
    if (flag.kind === 'grade-in-consecutive-years') {
      if (!policy.grading)
        add([...fp, 'kind'], 'needs-grading', '`grade-in-consecutive-years` needs `grading`');
      if (policy.period !== 'year')
        add([...fp, 'kind'], 'needs-period-year', '`grade-in-consecutive-years` needs `period: "year"`');
    }
    if (
      (flag.kind === 'none-in-consecutive-years' || flag.kind === 'term-total-below') &&
      policy.period !== 'term'
    ) {
      add([...fp, 'kind'], 'needs-period-term', `\`${flag.kind}\` needs \`period: "term"\``);
    }
  });
  return problems;
}
