/** How many calls to the server one operation keeps in flight at most. */
export const MAX_IN_FLIGHT = 32;

/** Maps `items` with at most `limit` calls of `fn` in flight, keeping the order of `items`. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  limit = MAX_IN_FLIGHT,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
