import type { Unregistered } from "../model/deskEntry";
import type { EditPolicy } from "../model/editPolicy";
import type { StatusReason } from "../model/statusReasons";
import type { Text } from "../model/text";
import type { LookupRef, RegistrationRow, SortState } from "../model/types";
import type { CheckInDesk } from "../services/checkInDesk";
import type { LiveState } from "../services/livePoll";
import type { RegistrationEditor, SavedCheckIn } from "../services/registrationEditor";
import type { ArrivalsFeed } from "../services/arrivalsFeed";
import type { SessionsFeed } from "../services/sessionsFeed";
import type { Signal } from "./signal";

/** What the grid asks of the dataset, as plain callbacks. */
export interface DatasetActions {
  sort(sort: SortState | undefined): void;
  loadMore(): void;
  refresh(): void;
  select(ids: string[]): void;
  open(row: RegistrationRow): void;
  /** Loads every page of the view in the background (the desk's search, the room's numbers). */
  loadAll(): void;
}

/** What the grid asks of its host. */
export interface GridActions extends DatasetActions {
  openLookup(ref: LookupRef): void;
  /** The platform's confirmation dialog: true when the user confirms. */
  confirm(title: string, text: string, yes: string, no: string): Promise<boolean>;
  /** The platform's contact picker (one contact), for a walk-in; undefined when closed without a pick. */
  pickContact(): Promise<{ id: string; name: string } | undefined>;
}

/** What the status line says now, and the check-in it speaks of (the line offers to undo it). */
export interface StatusMessage {
  message: string;
  checkedIn?: SavedCheckIn;
  /** A badge of someone not registered for the session: the line offers to register them. */
  unregistered?: Unregistered;
}

/** What every part of the grid may need; one object, stable while none of it changes. */
export interface GridServices {
  text: Text;
  policy: EditPolicy;
  statusReasons: readonly StatusReason[];
  editor: RegistrationEditor;
  actions: GridActions;
  /** Says something in the grid's status line (role=status): outcomes that have no row to show them. */
  announce(message: string): void;
  said: Signal<StatusMessage>;
  /** Takes back the row's newest check-in from this page (or the one named) and says so when done. */
  undoCheckIn(row: RegistrationRow, checkIn?: string): void;
  live: Signal<LiveState>;
  /** The check-in desk: find, scan, walk-ins, the room. */
  desk: CheckInDesk;
  /** The grid sits on a session's form (the desk's header, walk-ins, the full-room question). */
  onSessionForm: boolean;
  /** Arrivals on a session's form, Sessions in a view (issue 23). */
  attendance?: AttendanceFeeds;
}

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
