/** Keys whose values name an entity (`memberId`, `authorIds` …), apart from event ids. */
const isIdKey = (key: string) => key !== 'eventId' && (key.endsWith('Id') || key === 'mergedInto');
const isIdListKey = (key: string) => key.endsWith('Ids');

/**
 * Replaces every entity id of a command's or event's data with ids from a small pool, chosen by `picks`, so
 * that generated commands and events name the same committees, members, meetings and proposals.
 */
export function withPooledIds(
  data: Readonly<Record<string, unknown>>,
  pool: readonly string[],
  picks: readonly number[],
): Record<string, unknown> {
  let n = 0;
  const next = () => pool[(picks[n++ % Math.max(picks.length, 1)] ?? 0) % pool.length]!;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && isIdKey(key)) out[key] = next();
    else if (Array.isArray(value) && isIdListKey(key)) out[key] = value.map(() => next());
    else out[key] = value;
  }
  return out;
}
