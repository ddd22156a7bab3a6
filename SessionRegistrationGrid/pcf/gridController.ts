import type * as React from "react";
import type { IInputs } from "../generated/ManifestTypes";
import { Column, ENTITY } from "../ManifestConstants";
import { editPolicy, type EditPolicy } from "../model/editPolicy";
import { classifyError } from "../model/errors";
import { clampPageSize } from "../model/paging";
import { fallbackStatusReasons } from "../model/statusReasons";
import { createText, languageTag } from "../model/text";
import type { RegistrationRow } from "../model/types";
import { sameData } from "../model/sameData";
import { webApiCheckInStore } from "../services/checkInStore";
import { createRegistrationEditor } from "../services/registrationEditor";
import { webApiStore } from "../services/registrationStore";
import type { GridActions } from "../views/gridTypes";
import { createOwnedJournal } from "../services/journalOwner";
import { startLivePoll, type LiveState } from "../services/livePoll";
import { documentLocks, webLocks } from "../services/ownerLocks";
import { createSignal } from "../views/signal";
import type { GridServices, StatusMessage } from "../views/gridTypes";
import { h } from "../views/jsx";
import { RegistrationGrid } from "../views/RegistrationGrid";
import { wireAttendance } from "./attendance";
import { createDatasetAdapter } from "./datasetAdapter";
import { createDesk } from "./desk";
import { clientUrlOf, isTouch, pickContact, sessionOf } from "./host";
import { accessMemory, loadTableAccess, type TableAccess } from "./tableAccess";

type Context = ComponentFramework.Context<IInputs>;

export interface GridController {
  render(context: Context): React.ReactElement;
  dispose(): void;
}

/**
 * Wires one PCF context to the grid: builds the services once, then turns each updateView into props.
 * When nothing the grid shows has changed, it hands back the same element so React does no work at all.
 */
export function createGridController(context: Context): GridController {
  context.mode.trackContainerResize(true);
  const text = createText((key) => context.resources.getString(key), (n) => context.formatting.formatInteger(n), languageTag(context.userSettings.languageId), context.formatting);
  const fallbackReasons = fallbackStatusReasons(text("Status_Active"), text("Status_Inactive"));
  const clientUrl = clientUrlOf(context);
  // Known from the last time this form (or any grid of this control) opened here, if it did; read again below.
  const memory = accessMemory(globalThis.localStorage, `srg-access:${clientUrl ?? location.origin}:${context.userSettings.userId}:${context.userSettings.languageId}`);
  let access: TableAccess | undefined = memory.recall();
  let policy: EditPolicy | undefined;
  // The lookups a check-in record binds to, read from the dataset (asked for when the view lacks them).
  // Rows with edits of their own are watched: a load that shows them otherwise is news the editor must hear.
  const adapter = createDatasetAdapter(context.parameters.sessionRegistrations, text, () =>
    context.parameters.createCheckInRecords?.raw === false ? [] : [Column.Contact, Column.Session, Column.Event, Column.EventRegistration],
  () => editor.edited());
  // The record's name: the attendee and the session ("Ana Silva – Building editable grids").
  const recordName = ({ name, refs }: RegistrationRow) => (refs.session?.name ? text("CheckIn_RecordName", refs.contact?.name || name, refs.session.name) : refs.contact?.name || name);
  const session = sessionOf(context);
  const touch = isTouch(context);
  const checkIns = webApiCheckInStore(context.webAPI);
  // Unsaved changes are kept per environment, user and table, by each grid instance under its own key; Web Locks
  // (missing in an insecure page or a very old browser) tell when another instance is gone.
  const locks = (navigator as Partial<Navigator>).locks;
  const journal = createOwnedJournal(globalThis.localStorage, `srg:${clientUrl ?? location.origin}:${context.userSettings.userId}:${ENTITY}`, locks ? webLocks(locks) : documentLocks);
  const editor = createRegistrationEditor({
    registrations: webApiStore(context.webAPI, ENTITY),
    checkIns,
    journal,
    isOffline: () => !navigator.onLine,
    records: () => (policy ?? currentPolicy(context)).records,
    recordName,
  });
  let services: GridServices | undefined;
  let lastInputs: unknown[] = [];
  let lastElement: React.ReactElement | undefined;
  const said = createSignal<StatusMessage>({ message: "" });
  const announce = (message: string) => said.set({ message });
  const undoCheckIn = (row: RegistrationRow, checkIn?: string) =>
    void editor.undoCheckIn(row, checkIn).then((problem) => problem || announce(text("CheckIn_Undone", row.name)));
  const confirm = (title: string, text: string, confirmButtonLabel: string, cancelButtonLabel: string) =>
    context.navigation.openConfirmDialog({ title, text, confirmButtonLabel, cancelButtonLabel }).then((answer) => answer.confirmed);
  const actions: GridActions = {
    ...adapter,
    // The new registrations arrive with the dataset's next load.
    refresh: () => (poll?.shownNew(), adapter.refresh()),
    confirm,
    openLookup: (ref) =>
      void context.navigation.openForm({ entityName: ref.entityType, entityId: ref.id }).catch((error) => announce(text("Error_Open", classifyError(error).detail))),
    // A picker that can't open says why; closing it without a pick says nothing.
    pickContact: () => pickContact(context).catch((error) => void announce(text("Desk_PickerFailed", classifyError(error).detail))),
  };
  const desk = createDesk({ context, editor, adapter, checkIns, session, text, said, confirm });
  const attendance = wireAttendance({ context, editor, desk, session });
  window.addEventListener("online", editor.reconnect);
  // Another instance may have kept changes since (another tab's journal changed) or may be gone by now.
  const lookAgain = () => journal.lookAgain();
  const storageChanged = (event: StorageEvent) => journal.lookAgain(event.key);
  window.addEventListener("online", lookAgain);
  window.addEventListener("storage", storageChanged);
  document.addEventListener("visibilitychange", lookAgain);
  // Live updates: other desks' changes, merged into the rows; on a session's form, that session's registrations.
  const live = createSignal<LiveState>({ paused: false, newRegistrations: 0 });
  const seconds = context.parameters.liveRefreshSeconds?.raw ?? 20;
  const poll = clientUrl && seconds > 0 ? startLivePoll({
    webAPI: context.webAPI, editor, seconds, rowOf: adapter.row, hidden: () => document.hidden,
    session: session?.id,
    checkedInElsewhere: (names) => announce(text("Live_CheckedInElsewhere", names.join(text("List_Separator")))),
    changed: live.set,
    asked: attendance.heard,
  }) : undefined;
  void loadTableAccess(context.utils, fallbackReasons).then((loaded) => {
    memory.keep(loaded);
    // The same as remembered: nothing to draw again.
    if (sameData(loaded, access)) return;
    access = loaded;
    context.factory.requestRender();
  });

  /** The same objects while nothing in them changed, so cells don't re-render for nothing. */
  const currentPolicy = ({ mode, parameters }: Context) => {
    // The maker's switches, the host's mode and what the user may do on the tables (unknown until loaded).
    const next = editPolicy({ ...parameters, ...access, isControlDisabled: mode.isControlDisabled });
    if (!sameData(next, policy)) policy = next;
    return policy!;
  };
  const currentServices = (current: Context) => {
    const statusReasons = access?.statusReasons ?? fallbackReasons;
    if (services?.policy !== currentPolicy(current) || services.statusReasons !== statusReasons) {
      services = { text, policy: policy!, statusReasons, editor, actions, announce, said, live, undoCheckIn, desk, onSessionForm: !!session, attendance };
    }
    return services;
  };

  return {
    render(current) {
      context = current;
      const { mode, parameters: p } = current;
      const dataset = p.sessionRegistrations;
      const pageSize = p.pageSize?.raw;
      const inputs = [
        // Paging and sorting change together with the records they bring; the policy object stays while it holds.
        dataset.records, dataset.sortedRecordIds, dataset.columns, dataset.loading, dataset.error, dataset.getSelectedRecordIds()?.join(),
        mode.allocatedWidth, mode.allocatedHeight, pageSize, currentPolicy(current), access,
      ];
      if (lastElement && inputs.every((v, i) => v === lastInputs[i])) return lastElement;
      lastInputs = inputs;
      if (pageSize) adapter.setPageSize(clampPageSize(pageSize));
      const grid = adapter.snapshot(dataset);
      attendance.follow(dataset);
      editor.syncWithDataset(adapter.changedIds());
      return (lastElement = h(RegistrationGrid, {
        grid,
        layout: { width: mode.allocatedWidth, height: mode.allocatedHeight, rtl: current.userSettings.isRTL, touch },
        services: currentServices(current),
      }));
    },
    dispose() {
      poll?.stop();
      desk.dispose();
      attendance.dispose();
      window.removeEventListener("online", editor.reconnect);
      window.removeEventListener("online", lookAgain);
      window.removeEventListener("storage", storageChanged);
      document.removeEventListener("visibilitychange", lookAgain);
      editor.dispose();
    },
  };
}
