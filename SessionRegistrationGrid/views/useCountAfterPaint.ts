import * as React from "react";
import { sameData } from "../model/sameData";
import { afterNextPaint } from "./afterPaint";

type Subscribe = (listener: () => void) => () => void;

/**
 * A figure counted over many registrations (the room's numbers, the quick filters' counts), counted again once the
 * frame that shows a change is painted, never before it: at 5,000 registrations a count is not what a first paint or
 * a check-in's paint should wait for. Counted when `deps` change and after each notice of `sources`; the same object
 * while the numbers are the same, so a recount that changed nothing re-renders nothing. `initial`: the first
 * render's figure (none: undefined until the first count).
 */
export function useCountAfterPaint<T>(count: () => T | undefined, sources: readonly Subscribe[], deps: React.DependencyList, initial?: () => T | undefined): T | undefined {
  const [counted, setCounted] = React.useState(initial);
  // `count` and `sources` are what `deps` make them: counted anew when those change.
  React.useEffect(() => {
    let cancel = () => undefined as void;
    const recount = () => {
      cancel();
      cancel = afterNextPaint(() => setCounted((before) => {
        const next = count();
        return before !== undefined && sameData(before, next) ? before : next;
      }));
    };
    const stops = sources.map((subscribe) => subscribe(recount));
    recount();
    return () => {
      cancel();
      stops.forEach((stop) => stop());
    };
  }, deps);
  return counted;
}
