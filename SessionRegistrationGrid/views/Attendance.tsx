import * as React from "react";
import { h } from "./jsx";
import { ArrivalsChart } from "./ArrivalsChart";
import { useGrid } from "./GridContext";
import { SessionsStrip } from "./SessionsStrip";

/** Below the desk's header line: a session's arrivals on its form, the sessions a view's rows span elsewhere. */
export const Attendance = React.memo(({ narrow }: { narrow: boolean }) => {
  const { attendance } = useGrid();
  if (attendance?.arrivals) return <ArrivalsChart {...attendance.arrivals} narrow={narrow} />;
  if (attendance?.sessions) return <SessionsStrip feed={attendance.sessions} />;
  return null;
});
