import { z } from 'zod';

/** Which committees a bearer token may read: every one (`'*'`) or the ids listed. */
export type TokenScope = '*' | ReadonlySet<string>;

/** Bearer tokens and what each may read. */
export type Tokens = ReadonlyMap<string, TokenScope>;

/** A tokens file: `{ "<token>": ["committee-id", …] | "*" }`. */
export const TokensFile = z.record(z.string().min(16), z.union([z.literal('*'), z.array(z.string().min(1))]));
export type TokensFile = z.infer<typeof TokensFile>;

/** Tokens with access to every committee, from `LVZHI_TOKENS` (comma-separated; blanks ignored). */
export function tokensFromList(list: string): Tokens {
  const tokens = new Map<string, TokenScope>();
  for (const token of list.split(',').map((s) => s.trim())) {
    if (token !== '') tokens.set(token, '*');
  }
  return tokens;
}

/**
 * Tokens from the JSON text of a tokens file; throws a `TypeError` naming the problem when it is not one.
 * @example tokensFromJson('{"0123456789abcdef0123": ["cq"], "fedcba9876543210fedc": "*"}')
 */
export function tokensFromJson(text: string): Tokens {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = TokensFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return new Map(
    Object.entries(parsed.data).map(([token, scope]) => [token, scope === '*' ? '*' : new Set(scope)]),
  );
}

/** Whether a scope covers a committee. */
export function covers(scope: TokenScope, committeeId: string): boolean {
  return scope === '*' || scope.has(committeeId);
}
