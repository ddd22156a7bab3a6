import { venueInstant, type SessionTimes } from "../model/arrivals";
import { bareGuid } from "../model/checkInRecord";
import { sessionsOf } from "../model/sessionFill";
import { createArrivalsFeed } from "../services/arrivalsFeed";
import { webApiArrivalsStore } from "../services/arrivalsStore";
import type { CheckInDesk } from "../services/checkInDesk";
import type { RegistrationEditor } from "../services/registrationEditor";
import { createSessionsFeed } from "../services/sessionsFeed";
import type { AttendanceFeeds } from "../views/gridTypes";
import { FormFactor, formFactorOf } from "./host";

type Context = ComponentFramework.Context<unknown>;

export interface AttendanceWiring extends AttendanceFeeds {
  /** The dataset delivered records: in a view, the sessions they are for are followed (counted off the render). */
  follow(dataset: ComponentFramework.PropertyTypes.DataSet): void;
  /** The live poll answered (what it brought): Arrivals reads what changed, Sessions counts again if there is news. */
  heard(changed: readonly Record<string, string>[]): void;
  dispose(): void;
}

interface Wiring {
  context: Context;
  editor: RegistrationEditor;
  desk: CheckInDesk;
  /** The session whose form the grid sits on, if it does. */
  session?: { id: string };
}

/** The session's times as instants, in the user's time zone (see venueInstant), and its capacity; once the desk read them. */
function timesOf(context: Context, desk: CheckInDesk): () => SessionTimes | undefined {
  const offset = (at: Date) => context.userSettings.getTimeZoneOffsetMinutes?.(at) ?? 0;
  return () => {
    const info = desk.session();
    return info && { start: venueInstant(info.start, offset), end: venueInstant(info.end, offset), capacity: info.capacity };
  };
}

/** Folded or shown, remembered per user on this device; never remembered yet: folded on a phone. */
function foldMemory(context: Context) {
  const key = `srg-arrivals-folded:${bareGuid(context.userSettings.userId ?? "")}`;
  // In a host without a client (pcf-start) the width decides.
  const phone = formFactorOf(context) === FormFactor.Phone;
  return {
    startsFolded(narrow: boolean) {
      try {
        const kept = globalThis.localStorage?.getItem(key);
        if (kept) return kept === "folded";
      } catch {
        // Storage refused (a private window's policy): the device's default.
      }
      return phone || narrow;
    },
    remember(folded: boolean) {
      try {
        globalThis.localStorage?.setItem(key, folded ? "folded" : "shown");
      } catch {
        // Not remembered: the next form opens with the default.
      }
    },
  };
}

/** Arrivals on a session's form, Sessions in a view: their data from Dataverse, live with the poll. */
export function wireAttendance({ context, editor, desk, session }: Wiring): AttendanceWiring {
  const store = webApiArrivalsStore(context.webAPI);
  if (session) {
    const feed = createArrivalsFeed({ store, session: session.id, editor, times: timesOf(context, desk), onTimes: desk.subscribeSession });
    return { arrivals: { feed, ...foldMemory(context) }, follow: () => undefined, heard: () => feed.refresh(), dispose: feed.dispose };
  }
  const sessions = createSessionsFeed(store);
  let records: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    sessions,
    follow(dataset) {
      if (dataset.records === records) return;
      records = dataset.records;
      clearTimeout(timer);
      // One value per record, after the paint: the grid's own rows read a record only when drawn.
      timer = setTimeout(() => sessions.follow(sessionsOf(dataset.sortedRecordIds.map((id) => dataset.records[id])).sort()), 0);
    },
    heard: sessions.heard,
    dispose() {
      clearTimeout(timer);
      sessions.dispose();
    },
  };
}
