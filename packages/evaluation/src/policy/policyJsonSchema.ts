import { z } from 'zod';
import { PolicyShape } from './policySchema.ts';

/**
 * The policy language as JSON Schema (draft 2020-12), for editors that help a committee write a policy file.
 * Cross-checks (unique ids, tier families, bands…) are `parsePolicy`'s alone.
 */
export function policyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PolicyShape, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
