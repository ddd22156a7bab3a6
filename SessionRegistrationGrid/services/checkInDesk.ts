import { State } from "../ManifestConstants";
import { isScannerClosed, readBadgeCode, type CodeLookup } from "../model/badgeCode";
import { decideEntry, RESCAN_WINDOW_MS, type DeskResult } from "../model/deskEntry";
import { createPressGuard } from "../model/pressGuard";
import { countFilters, fullRoomQuestion, roomOf, type FullRoomQuestion, type Room } from "../model/room";
import type { RegistrationRow } from "../model/types";
import type { DeskStore, SessionInfo } from "./deskStore";
import { newGuid } from "./ids";
import { createLatestCheckIns } from "./latestCheckIns";
import { createNotifier, type Schedule } from "./notifier";
import { createWalkIns, type Approval } from "./walkIns";
import type { RegistrationEditor } from "./registrationEditor";
import { DEFAULT_RETRY, problemOf, realSleep, withRetries, type RetryPolicy, type Sleep } from "./retry";

export interface DeskOptions {
  editor: RegistrationEditor;
  store: DeskStore;
  /** The session whose form the grid sits on, if it does. */
  session?: { id: string; name: string };
  /** The registrations the grid holds now. */
  rows(): readonly RegistrationRow[];
  /** The registrations each badge code points at among them (an index, made when first asked after a load). */
  codes?(): CodeLookup;
  /** Whether the view has registrations the grid has not loaded yet. */
  hasMore(): boolean;
  /** Resolves once every registration of the view is loaded: the room's numbers need them all. */
  allLoaded(): Promise<void>;
  /** The platform's confirmation at a full room, naming the person (none for a bulk run): true to go ahead. */
  askFull(question: FullRoomQuestion, session: string, person?: string): Promise<boolean>;
  /** What the desk says on the status line. */
  announce(result: DeskResult): void;
  /** The phone's camera scanner (the Power Apps mobile app only). */
  scanBarcode?: () => Promise<string>;
  /** The contact's active event registration for the event, or null. */
  findEventRegistration(contact: string, event: string): Promise<string | null>;
  /** The dataset should load again (a walk-in's new registration). */
  refresh(): void;
  now?: () => number;
  newId?: () => string;
  retry?: RetryPolicy;
  sleep?: Sleep;
  schedule?: Schedule;
}

/** How a check-in came to the desk: a row's button, Enter on a name, a badge's code, a walk-in. */
export type CheckInHow = "press" | "find" | "scan" | "walkIn";

export interface CheckInDesk {
  /** The session the grid sits on, once read (its name and capacity); undefined elsewhere. */
  session(): SessionInfo | undefined;
  /** The room's numbers over the registrations the grid holds, as it shows them; undefined off a session's form. */
  room(): Room | undefined;
  readonly canScan: boolean;
  readonly canRegister: boolean;
  /** Checks a registration in, asking first when it would take a full room past its capacity. */
  checkIn(row: RegistrationRow, how?: CheckInHow): Promise<void>;
  /** Enter in "Find attendee": a badge's code or a name. Says whether the box should be cleared (at once: a scanner types on). */
  enter(query: string): boolean;
  /** Indexes the badge codes of the rows as loaded now, ahead of the next Enter (work for an idle moment). */
  prepareForScans(): void;
  /** The camera: its value goes where a typed code + Enter goes. */
  scan(): Promise<void>;
  /** Registers someone for the session (never twice) and checks them in. */
  walkIn(contact: { id: string; name: string }, eventRegistration?: { id: string; name: string }): Promise<void>;
  /** A bulk check-in of these rows asks once when it would pass capacity: true to go ahead. */
  approveBulkCheckIn(rows: readonly RegistrationRow[]): Promise<boolean>;
  /** When the registration's latest check-in was, once read (ms since 1970), for the count it shows now. */
  latestCheckIn(row: RegistrationRow): number | undefined;
  /** Reads the latest check-in times of these registrations that are in and not yet known. */
  readLatestCheckIns(rows: readonly RegistrationRow[]): void;
  subscribeRow(id: string, listener: () => void): () => void;
  /** The session's name, times and capacity were read. */
  subscribeSession(listener: () => void): () => void;
  dispose(): void;
}


/** The notifier's key for news of the session itself (its name and capacity read). */
const SESSION_KEY = "session";

/**
 * The check-in desk: what Enter, a scan, a walk-in and a row's press come to, with the full-room question before
 * any first check-in past capacity, the ten-second rule for a badge scanned twice, and the latest check-in times.
 * Check-ins themselves go through the registration editor, like every other change.
 */
export function createCheckInDesk(o: DeskOptions): CheckInDesk {
  const now = o.now ?? Date.now;
  const newId = o.newId ?? newGuid;
  const retrying = <T>(call: () => Promise<T>) => withRetries(call, o.retry ?? DEFAULT_RETRY, o.sleep ?? realSleep);
  const notifier = createNotifier(o.schedule);
  const scans = createPressGuard(RESCAN_WINDOW_MS);
  const latest = createLatestCheckIns(o.editor, o.store, notifier.notify);
  let info: SessionInfo | undefined;
  let loading: Promise<SessionInfo> | undefined;
  let asking = false;

  /** The session's name and capacity (only on a session's form): read once; a failed read is tried again at the next need. */
  const loadSession = (session: { id: string }) => {
    loading ??= retrying(() => o.store.session(session.id)).then((read) => {
      info = read;
      notifier.notify(SESSION_KEY);
      return read;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  };
  // Read at once for the header; without it the header shows no capacity and asks nothing (it can't know).
  if (o.session) loadSession(o.session).catch(() => undefined);

  const room = () => {
    if (!o.session) return undefined;
    return roomOf(countFilters(o.rows().map(o.editor.shown)), info?.capacity);
  };

  /** Asks the user, once at a time: "busy" while another question is open (a second press then does nothing). */
  const ask = async (question: FullRoomQuestion, session: string, person?: string): Promise<Approval> => {
    if (asking) return "busy";
    asking = true;
    try {
      return (await o.askFull(question, session, person)) ? "yes" : "no";
    } finally {
      asking = false;
    }
  };

  /**
   * Whether the check-in of people with these counts may go, at once ("yes", the usual answer: a press is not held
   * up) or after asking at a full room. The rows the grid holds can only undercount the people in: when they
   * already fill the room it asks; when they don't and more rows are still loading, it waits for them. Until the
   * session's capacity has been read (the first moment after the form opens) nothing is known to ask about.
   */
  const approve = (counts: readonly (number | null)[], person?: string): "yes" | Promise<Approval> => {
    if (!o.session || counts.every((count) => count)) return "yes";
    if (!info) {
      loadSession(o.session).catch(() => undefined);
      return "yes";
    }
    // A session with no limit has nothing to ask about: no counting, no waiting for the rest of the rows.
    if (info.capacity === undefined) return "yes";
    const session = info;
    const question = fullRoomQuestion(room()!, counts);
    if (question) return ask(question, session.name, person);
    if (!o.hasMore()) return "yes";
    return o.allLoaded().then(() => {
      const afterAll = fullRoomQuestion(room()!, counts);
      return afterAll ? ask(afterAll, session.name, person) : "yes";
    });
  };

  /** The press itself, once approved: through the editor (the two-second rule, the queue, the record). */
  const press = async (row: RegistrationRow, how: CheckInHow) => {
    const { name } = row;
    if (how === "scan") scans.accept(row.id, now());
    const pressed = o.editor.checkIn(row);
    if (pressed.press === "repeat") return how === "press" ? undefined : o.announce({ kind: "justCheckedIn", name });
    // A row's own press shows its progress, a failure and a wait in the row; the desk's ways (the person is not
    // in view) say them on the status line.
    if (how !== "press") o.announce({ kind: "checkingIn", name });
    const problem = await pressed.done;
    if (how === "press") return;
    if (problem) o.announce({ kind: "failed", name, problem });
    else if (o.editor.edits(row.id).changes.some((c) => c.status === "waiting")) o.announce({ kind: "waiting", name });
  };

  const checkIn = (row: RegistrationRow, how: CheckInHow = "press", asked = false): Promise<void> => {
    const shown = o.editor.shown(row);
    if (shown.state !== State.Active) {
      o.announce({ kind: "cancelled", name: row.name });
      return Promise.resolve();
    }
    const approved = asked ? "yes" : approve([shown.timesCheckedIn], row.name);
    // The usual case goes at once, in the same frame as the press.
    if (approved === "yes") return press(row, how);
    return approved.then((answer) => {
      if (answer === "yes") return press(row, how);
      if (answer === "no") o.announce({ kind: "declined", name: row.name });
    });
  };

  const enter = (query: string) => {
    const entry = decideEntry(query, { rows: o.rows(), shown: o.editor.shown, scannedRecently: (id) => scans.recent(id, now()), withCode: o.codes?.() });
    // A scanner types its next code straight after: a code is never left in the box.
    const clear = !!readBadgeCode(query) || entry.kind === "checkIn" || entry.kind === "cancelled" || entry.kind === "justCheckedIn";
    if (entry.kind === "checkIn") void checkIn(entry.row, entry.code ? "scan" : "find");
    else if (entry.kind === "justCheckedIn" || entry.kind === "cancelled") o.announce({ kind: entry.kind, name: entry.row.name });
    else if (entry.kind === "several") o.announce({ kind: "several", count: entry.count });
    else if (entry.kind === "noMatch") void unmatched(query, entry.code);
    return clear;
  };

  /** A badge that matches no row: on a session form, whose it is (so they can be registered); elsewhere, nothing. */
  const unmatched = async (query: string, code = readBadgeCode(query)) => {
    if (!code) return o.announce({ kind: "noMatch", query: query.trim() });
    if (!o.session) return o.announce({ kind: "notRegistered", who: {} });
    try {
      const session = await loadSession(o.session);
      const found = await retrying(() => o.store.eventRegistration(code, session.event));
      o.announce({ kind: "notRegistered", who: found ? { contact: found.contact, eventRegistration: { id: found.id, name: found.name } } : {} });
    } catch {
      // Who it is could not be asked (no connection): the person can still be registered by picking them.
      o.announce({ kind: "notRegistered", who: {} });
    }
  };

  const walkIn = o.session
    ? createWalkIns({
      session: o.session, store: o.store, rows: o.rows, loadSession, retrying, approve, checkIn,
      findEventRegistration: o.findEventRegistration, refresh: o.refresh, newId, announce: o.announce,
    })
    : async () => undefined;

  return {
    session: () => info,
    room,
    canScan: !!o.scanBarcode,
    canRegister: !!o.session,
    checkIn,
    enter,
    prepareForScans: () => void o.codes?.(),
    async scan() {
      let value: string;
      try {
        value = await o.scanBarcode!();
      } catch (error) {
        // Closing the scanner is the user's choice: nothing to say.
        if (!isScannerClosed(error)) o.announce({ kind: "scanFailed", detail: problemOf(error).detail });
        return;
      }
      if (value.trim()) enter(value);
    },
    walkIn,
    async approveBulkCheckIn(rows) {
      const counts = rows.map((row) => o.editor.shown(row)).filter((shown) => shown.state === State.Active).map((shown) => shown.timesCheckedIn);
      return (await approve(counts)) === "yes";
    },
    latestCheckIn: latest.of,
    readLatestCheckIns: latest.read,
    subscribeRow: notifier.subscribeKey,
    subscribeSession: (listener) => notifier.subscribeKey(SESSION_KEY, listener),
    dispose() {
      latest.dispose();
      notifier.dispose();
    },
  };
}
