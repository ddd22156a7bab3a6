import { getTheme } from "@fluentui/react";
import * as React from "react";

/** Subscribes to a feed: its current state, re-rendered when it says so (in the same notification as the rows). */
export function useFeed<T>(feed: { current(): T; subscribe(listener: () => void): () => void }): T {
  const [, rerender] = React.useReducer((n: number) => n + 1, 0);
  const state = feed.current();
  const drawn = React.useRef(state);
  drawn.current = state;
  React.useEffect(() => {
    const stop = feed.subscribe(rerender);
    // News between this render and the subscription is drawn now.
    if (feed.current() !== drawn.current) rerender();
    return stop;
  }, [feed]);
  return state;
}

/** The chart's colours from the platform's theme, as custom properties (forced colours replace them: CSS). */
export function useThemeColours(): React.CSSProperties {
  return React.useMemo(() => {
    const { palette } = getTheme();
    return { "--srg-bar": palette.themeTertiary, "--srg-people": palette.themeDarker, "--srg-capacity": palette.neutralPrimary, "--srg-start": palette.neutralTertiary } as React.CSSProperties;
  }, []);
}
