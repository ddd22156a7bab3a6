import * as React from "react";
import type { IInputs } from "../generated/ManifestTypes";
import { Column, ENTITY } from "../ManifestConstants";
import { editPolicy, type EditPolicy } from "../model/editPolicy";
import { clampPageSize } from "../model/paging";
import { fallbackStatusReasons } from "../model/statusReasons";
import { createText, languageTag } from "../model/text";
import type { RegistrationRow } from "../model/types";
import { webApiCheckInStore } from "../services/checkInStore";
import { createRegistrationEditor } from "../services/registrationEditor";
import { webApiStore } from "../services/registrationStore";
import type { GridActions } from "../views/gridTypes";
import { createAnnouncer } from "../views/announcer";
import type { GridServices } from "../views/gridTypes";
import { RegistrationGrid } from "../views/RegistrationGrid";
import { createDatasetAdapter } from "./datasetAdapter";
import { loadTableAccess, type TableAccess } from "./tableAccess";

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
  const text = createText((key) => context.resources.getString(key), (n) => context.formatting.formatInteger(n), languageTag(context.userSettings.languageId));
  const fallbackReasons = fallbackStatusReasons(text("Status_Active"), text("Status_Inactive"));
  let access: TableAccess | undefined;
  let policy: EditPolicy | undefined;
  // The lookups a check-in record binds to, read from the dataset (asked for when the view lacks them).
  const adapter = createDatasetAdapter(context.parameters.sessionRegistrations, text, () =>
    context.parameters.createCheckInRecords?.raw === false ? [] : [Column.Contact, Column.Session, Column.Event, Column.EventRegistration]);
  // The record's name: the attendee and the session ("Ana Silva – Building editable grids").
  const recordName = ({ name, refs }: RegistrationRow) => (refs.session?.name ? text("CheckIn_RecordName", refs.contact?.name || name, refs.session.name) : refs.contact?.name || name);
  const editor = createRegistrationEditor({
    registrations: webApiStore(context.webAPI, ENTITY),
    checkIns: webApiCheckInStore(context.webAPI),
    records: () => (policy ?? currentPolicy(context)).records,
    recordName,
  });
  let services: GridServices | undefined;
  let lastInputs: unknown[] = [];
  let lastElement: React.ReactElement | undefined;
  const announcer = createAnnouncer();
  const actions: GridActions = {
    ...adapter,
    confirm: (title, text, confirmButtonLabel, cancelButtonLabel) =>
      context.navigation.openConfirmDialog({ title, text, confirmButtonLabel, cancelButtonLabel }).then((answer) => answer.confirmed),
    openLookup: (ref) =>
      void context.navigation.openForm({ entityName: ref.entityType, entityId: ref.id }).catch((error: { message?: string }) => announcer.announce(text("Error_Open", error?.message ?? String(error)))),
  };
  void loadTableAccess(context.utils, fallbackReasons).then((loaded) => {
    access = loaded;
    context.factory.requestRender();
  });

  /** The same objects while nothing in them changed, so cells don't re-render for nothing. */
  const currentPolicy = ({ mode, parameters }: Context) => {
    const next = editPolicy({ ...parameters, isControlDisabled: mode.isControlDisabled, canWrite: access?.canWrite, canCreateCheckIns: access?.canCreateCheckIns });
    if (JSON.stringify(next) !== JSON.stringify(policy)) policy = next;
    return policy!;
  };
  const currentServices = (current: Context) => {
    const statusReasons = access?.statusReasons ?? fallbackReasons;
    if (services?.policy !== currentPolicy(current) || services.statusReasons !== statusReasons) {
      services = { text, policy: policy!, statusReasons, editor, actions, announce: announcer.announce };
    }
    return services;
  };

  return {
    render(current) {
      context = current;
      const { mode, parameters: p } = current;
      const dataset = p.sessionRegistrations;
      const newData = adapter.hasNewData(dataset);
      const inputs = [
        // Paging and sorting change together with the records they bring.
        dataset.records, dataset.sortedRecordIds, dataset.columns, dataset.loading, dataset.error, dataset.getSelectedRecordIds()?.join(),
        mode.allocatedWidth, mode.allocatedHeight, mode.isControlDisabled, p.pageSize?.raw, p.allowCheckInEdit?.raw, p.allowSyncEdit?.raw, p.allowStatusEdit?.raw,
        p.createCheckInRecords?.raw,
        access,
      ];
      if (lastElement && inputs.every((v, i) => v === lastInputs[i])) return lastElement;
      lastInputs = inputs;
      const pageSize = p.pageSize?.raw;
      if (pageSize) adapter.setPageSize(clampPageSize(pageSize));
      const grid = adapter.snapshot(dataset);
      if (newData) editor.syncWithDataset(adapter.changedIds());
      return (lastElement = React.createElement(RegistrationGrid, {
        grid,
        layout: { width: mode.allocatedWidth, height: mode.allocatedHeight },
        services: currentServices(current),
        announcer,
      }));
    },
    dispose: editor.dispose,
  };
}
