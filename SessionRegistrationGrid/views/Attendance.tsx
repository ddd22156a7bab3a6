import * as React from "react";
import { h } from "./jsx";
import type { ArrivalsFeed } from "../services/arrivalsFeed";
import type { SessionsFeed } from "../services/sessionsFeed";
import { ArrivalsChart } from "./ArrivalsChart";
import { useGrid } from "./GridContext";
import { SessionsStrip } from "./SessionsStrip";

/** The data behind Arrivals (on a session's form) or Sessions (in a view across sessions). */
export interface AttendanceFeeds {
  arrivals?: {
    feed: ArrivalsFeed;
    /** Folded at first: as this user last left it on this device, else on a phone or a narrow width. */
    startsFolded(narrow: boolean): boolean;
    remember(folded: boolean): void;
  };
  sessions?: SessionsFeed;
}

/** Below the desk's header line: a session's arrivals on its form, the sessions a view's rows span elsewhere. */
export const Attendance = React.memo(({ narrow }: { narrow: boolean }) => {
  const { attendance } = useGrid();
  if (attendance?.arrivals) return <ArrivalsChart {...attendance.arrivals} narrow={narrow} />;
  if (attendance?.sessions) return <SessionsStrip feed={attendance.sessions} />;
  return null;
});
