/**
 * Runs `worker` over `items` with at most `concurrency` running at once, in order, and stops starting new
 * ones once `isCancelled()` says so. Returns how many were started. The worker must not throw.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, worker: (item: T) => Promise<void>, isCancelled: () => boolean): Promise<number> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !isCancelled()) {
      await worker(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return next;
}
