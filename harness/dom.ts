/** The page's elements (harness/index.html), by id. */

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
export const input = (id: string) => $<HTMLInputElement>(id);

/** The resizable container, as a form section, and the element the control renders into. */
export const frame = $("control-frame");
export const root = $("control-root");

/** `fn`, at most once per animation frame however often the result is called. */
export function oncePerFrame(fn: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fn();
    });
  };
}
