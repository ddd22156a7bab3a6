import * as React from "react";
import { h } from "./jsx";
import type { SessionFill } from "../model/sessionFill";
import type { SessionsFeed } from "../services/sessionsFeed";
import { useFeed, useThemeColours } from "./useFeed";
import { useGrid } from "./GridContext";
import { useElementId } from "./useElementId";

/** The first sessions shown; the rest behind "Show all N sessions". */
const FIRST = 5;
const share = (part: number, whole: number) => `${Math.min(100, whole ? (part / whole) * 100 : 0).toFixed(1)}%`;

/** A session's small bar: registered (light) and checked in (strong), of its capacity (or of those registered). */
const Bar = ({ fill }: { fill: SessionFill }) => (
  <span className="srg-session-bar" aria-hidden="true">
    <span className="srg-session-bar-registered" style={{ width: share(fill.registered, fill.capacity ?? fill.registered) }} />
    <span className="srg-session-bar-in" style={{ width: share(fill.checkedIn, fill.capacity ?? fill.registered) }} />
  </span>
);

/**
 * In a view across sessions: the sessions its rows span, fullest first, each with its people checked in, registered and
 * capacity, counted by Dataverse (not from the loaded rows) and following the live updates. The bars only repeat
 * what the words say.
 */
export const SessionsStrip = ({ feed }: { feed: SessionsFeed }) => {
  const { text } = useGrid();
  const state = useFeed(feed);
  const [all, setAll] = React.useState(false);
  const colours = useThemeColours();
  const ids = useElementId("srg-sessions");
  if (state.sessions.length < 2 && !state.failed) return null;
  const shown = all ? state.sessions : state.sessions.slice(0, FIRST);
  return (
    <section className="srg-sessions" aria-labelledby={`${ids}-title`} style={colours}>
      <div className="srg-arrivals-head">
        <span id={`${ids}-title`} className="srg-arrivals-title">{text("Sessions_Title")}</span>
        {state.sessions.length > FIRST && (
          <button type="button" className="srg-small-button" aria-expanded={all} aria-controls={`${ids}-list`} onClick={() => setAll(!all)}>
            {all ? text("Sessions_ShowFewer") : text("Sessions_ShowAll", state.sessions.length)}
          </button>
        )}
      </div>
      {state.failed && <p className="srg-arrivals-empty">{text("Sessions_Failed")}</p>}
      {/* All of them scroll within a few lines: focusable, so the keyboard scrolls them too. */}
      <ol id={`${ids}-list`} className="srg-sessions-list" tabIndex={all ? 0 : undefined} aria-labelledby={`${ids}-title`}>
        {shown.map((fill) => (
          <li key={fill.id} className="srg-session">
            <span className="srg-session-name">{fill.name}</span>
            <span className="srg-session-numbers">
              {fill.capacity === undefined
                ? text("Room_Header", fill.checkedIn, fill.registered)
                : text("Room_HeaderCapacity", fill.checkedIn, fill.registered, fill.capacity)}
            </span>
            <Bar fill={fill} />
          </li>
        ))}
      </ol>
    </section>
  );
};
