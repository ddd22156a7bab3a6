/** The browser's task scheduler (Chromium, Firefox): what `afterNextPaint` posts its work with where it exists. */
interface TaskScheduler {
  postTask(work: () => void, options: { priority: "background"; signal: AbortSignal }): Promise<void>;
}

/**
 * Runs `work` once the next frame is painted (a hidden page paints no frames: then soon); returns a cancel. For
 * what a paint should not wait for: counting 5,000 registrations after a press, while the press's own change shows.
 */
export function afterNextPaint(work: () => void): () => void {
  if (typeof requestAnimationFrame !== "function" || document.hidden) return soon(work);
  let cancelTask: (() => void) | undefined;
  const frame = requestAnimationFrame(() => (cancelTask = soon(work)));
  return () => {
    cancelAnimationFrame(frame);
    cancelTask?.();
  };
}

/**
 * Calls `work(i)` for every i below `count`, in slices of `size` once the next frame is painted, each slice a task
 * of its own at background priority: a key press or a click between two slices goes first. Then `done`, in the last
 * slice's task. Returns a cancel (of the rest, `done` with it).
 */
export function inIdleSlices(count: number, size: number, work: (index: number) => void, done?: () => void): () => void {
  let next = 0;
  const slice = () => {
    const end = Math.min(count, next + size);
    for (; next < end; next++) work(next);
    if (next < count) cancel = soon(slice);
    else done?.();
  };
  let cancel = afterNextPaint(slice);
  return () => cancel();
}

/**
 * `work` as a task of its own: at background priority where the browser can say so, so that a key press or a click
 * that arrives meanwhile is handled first (a scanner's next character, the next person's check-in).
 */
function soon(work: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== "function") {
    const timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const cancelled = new AbortController();
  scheduler.postTask(work, { priority: "background", signal: cancelled.signal }).catch((error: unknown) => {
    // A cancelled task is the caller's choice; anything else `work` threw is reported as an uncaught error would be.
    if (!cancelled.signal.aborted) setTimeout(() => {
      throw error;
    }, 0);
  });
  return () => cancelled.abort();
}
