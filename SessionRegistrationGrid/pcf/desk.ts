import { describeDesk } from "../model/describe";
import type { FullRoomQuestion } from "../model/room";
import type { Text } from "../model/text";
import type { CheckInStore } from "../services/checkInStore";
import { createCheckInDesk, type CheckInDesk } from "../services/checkInDesk";
import { webApiDeskStore } from "../services/deskStore";
import type { RegistrationEditor } from "../services/registrationEditor";
import type { StatusMessage } from "../views/gridTypes";
import type { Signal } from "../views/signal";
import type { DatasetAdapter } from "./datasetAdapter";
import { scannerOf } from "./host";

export interface DeskWiring {
  context: ComponentFramework.Context<unknown>;
  editor: RegistrationEditor;
  adapter: DatasetAdapter;
  checkIns: CheckInStore;
  session?: { id: string; name: string };
  text: Text;
  said: Signal<StatusMessage>;
  confirm(title: string, text: string, yes: string, no: string): Promise<boolean>;
}

/** The check-in desk over this context: Dataverse through context.webAPI, the platform's dialogs and camera, the status line. */
export function createDesk({ context, editor, adapter, checkIns, session, text, said, confirm }: DeskWiring): CheckInDesk {
  // "Session 7 is full: 120 of 120 checked in. Check in Wanda Walker anyway?", or for a bulk run, its numbers.
  const askFull = (q: FullRoomQuestion, sessionName: string, person?: string) =>
    confirm(
      text("Room_FullTitle"),
      person
        ? text("Room_FullText", sessionName, q.checkedIn, q.capacity, person)
        : text("Room_FullBulkText", sessionName, q.checkedIn, q.capacity, q.adding, q.checkedIn + q.adding),
      text("Room_FullYes"),
      text("Room_FullNo"),
    );
  return createCheckInDesk({
    editor,
    store: webApiDeskStore(context.webAPI),
    session,
    rows: () => adapter.rows(),
    codes: () => adapter.codes(),
    hasMore: () => adapter.hasMore(),
    allLoaded: () => adapter.loadAll(),
    askFull,
    announce: (result) => said.set({ message: describeDesk(result, text), unregistered: result.kind === "notRegistered" ? result.who : undefined }),
    scanBarcode: scannerOf(context),
    findEventRegistration: checkIns.findEventRegistration,
    refresh: () => adapter.refresh(),
  });
}
