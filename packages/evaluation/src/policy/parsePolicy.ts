import { err, ok, type Result } from '@lvzhi/core';
import type { z } from 'zod';
import { checkPolicy, jsonPath, type PolicyProblem } from './policyChecks.ts';
import { type Policy, PolicyShape } from './policySchema.ts';

const kebab = (code: string) => code.replaceAll('_', '-');

function problemsOf(error: z.ZodError): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: jsonPath([...issue.path, key]),
          rule: 'unrecognized-key',
          message: `unknown field "${key}"`,
        });
      }
    } else {
      out.push({ path: jsonPath(issue.path), rule: kebab(issue.code), message: issue.message });
    }
  }
  return out;
}

/**
 * Validates a policy written as JSON (text or parsed): the shape, then the cross-checks. Problems name the JSON
 * path and the rule broken.
 * @example
 * const parsed = parsePolicy(fs.readFileSync('my-policy.json', 'utf8'));
 * if (!parsed.ok) for (const p of parsed.error) console.error(`${p.path}: ${p.rule}: ${p.message}`);
 */
export function parsePolicy(json: unknown): Result<Policy, PolicyProblem[]> {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      return err([
        { path: '$', rule: 'invalid-json', message: error instanceof Error ? error.message : String(error) },
      ]);
    }
  }
  const parsed = PolicyShape.safeParse(value);
  if (!parsed.success) return err(problemsOf(parsed.error));
  const problems = checkPolicy(parsed.data);
  return problems.length > 0 ? err(problems) : ok(parsed.data);
}
