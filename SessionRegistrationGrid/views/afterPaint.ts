/**
 * Runs `work` once the next frame is painted (a hidden page paints no frames: then soon); returns a cancel. For
 * what a paint should not wait for: counting 5,000 registrations after a press, while the press's own change shows.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== "function" || document.hidden) {
    timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
