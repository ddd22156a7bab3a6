/**
 * Tells listeners that something changed, per key (a registration id) and overall, coalescing bursts: however
 * many changes land before the next flush, each listener hears once. In the browser a flush is at most once per
 * animation frame, so a bulk run re-renders the grid at most once a frame.
 */
export type Schedule = (flush: () => void) => void;

let lastFlush = 0;
export const perFrame: Schedule = (flush) => {
  const flushed = () => {
    lastFlush = Date.now();
    flush();
  };
  // The first change after a quiet frame shows at once (a press paints in the frame it happened in); a burst
  // (a bulk run) then waits for the next frame. Hidden tabs get no frames: a timer keeps the state moving there.
  if (Date.now() - lastFlush > 16) queueMicrotask(flushed);
  else if (typeof requestAnimationFrame === "function" && !document.hidden) requestAnimationFrame(flushed);
  else setTimeout(flushed, 16);
};

export interface Notifier {
  notify(key: string): void;
  subscribe(listener: () => void): () => void;
  subscribeKey(key: string, listener: () => void): () => void;
  dispose(): void;
}

export function createNotifier(schedule: Schedule = perFrame): Notifier {
  const all = new Set<() => void>();
  const byKey = new Map<string, Set<() => void>>();
  let dirty = new Set<string>();
  let scheduled = false;
  let disposed = false;

  const flush = () => {
    scheduled = false;
    if (disposed) return;
    const keys = dirty;
    dirty = new Set();
    for (const key of keys) for (const listener of [...(byKey.get(key) ?? [])]) listener();
    for (const listener of [...all]) listener();
  };

  return {
    notify(key) {
      dirty.add(key);
      if (scheduled || disposed) return;
      scheduled = true;
      schedule(flush);
    },
    subscribe(listener) {
      all.add(listener);
      return () => all.delete(listener);
    },
    subscribeKey(key, listener) {
      const set = byKey.get(key) ?? new Set();
      byKey.set(key, set.add(listener));
      return () => {
        set.delete(listener);
        if (!set.size) byKey.delete(key);
      };
    },
    dispose() {
      disposed = true;
      all.clear();
      byKey.clear();
    },
  };
}
