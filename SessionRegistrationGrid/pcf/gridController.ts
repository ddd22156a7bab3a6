import * as React from "react";
import type { IInputs } from "../generated/ManifestTypes";
import { editPolicy, type EditPolicy } from "../model/editPolicy";
import { clampPageSize } from "../model/paging";
import { fallbackStatusReasons, type StatusReason } from "../model/statusReasons";
import { createText, type Text } from "../model/text";
import { RegistrationEditor } from "../services/registrationEditor";
import { webApiStore } from "../services/registrationStore";
import type { GridActions } from "../views/gridTypes";
import { RegistrationGrid } from "../views/RegistrationGrid";
import { DatasetAdapter, openLookup } from "./datasetAdapter";
import { loadTableAccess, type TableAccess } from "./tableAccess";

type Context = ComponentFramework.Context<IInputs>;

/**
 * Wires one PCF context to the grid: builds the services once, then turns each updateView into props.
 * When nothing the grid shows has changed, it hands back the same element so React does no work at all.
 */
export class GridController {
  readonly #adapter: DatasetAdapter;
  readonly #editor: RegistrationEditor;
  readonly #text: Text;
  readonly #actions: GridActions;
  readonly #fallbackReasons: StatusReason[];
  #access: TableAccess | undefined;
  #notice: string | undefined;
  #policy: EditPolicy | undefined;
  #lastInputs: unknown[] = [];
  #lastElement: React.ReactElement | undefined;

  #context: Context;

  constructor(context: Context) {
    this.#context = context;
    context.mode.trackContainerResize(true);
    const dataset = context.parameters.sessionRegistrations;
    this.#text = createText((key) => context.resources.getString(key), (n) => context.formatting.formatInteger(n));
    this.#fallbackReasons = fallbackStatusReasons(this.#text("Status_Active"), this.#text("Status_Inactive"));
    this.#adapter = new DatasetAdapter(dataset, this.#text("Column_CheckIn"));
    this.#editor = new RegistrationEditor({ store: webApiStore(context.webAPI), onSaved: () => this.#adapter.refresh() });
    this.#actions = {
      sort: (sort) => this.#adapter.sort(sort),
      loadMore: () => this.#adapter.loadMore(),
      select: (ids) => this.#adapter.select(ids),
      open: (row) => this.#adapter.open(row),
      openLookup: (ref) =>
        void openLookup(this.#context.navigation, ref).catch((error: { message?: string }) => this.#show(this.#text("Error_Open", error?.message ?? String(error)))),
    };
    const pageSize = context.parameters.pageSize?.raw;
    if (typeof pageSize === "number") this.#adapter.setPageSize(clampPageSize(pageSize, pageSize));
    void loadTableAccess(context.utils, this.#fallbackReasons).then((access) => {
      this.#access = access;
      this.#rerender();
    });
  }

  render(context: Context): React.ReactElement {
    this.#context = context;
    const dataset = context.parameters.sessionRegistrations;
    const newData = this.#adapter.hasNewData(dataset);
    const { mode, parameters: p } = context;
    const inputs = [
      dataset.records, dataset.sortedRecordIds, dataset.columns, dataset.loading, dataset.error, dataset.paging.totalResultCount,
      dataset.paging.hasNextPage, dataset.sorting[0]?.name, dataset.sorting[0]?.sortDirection, dataset.getSelectedRecordIds().join(),
      mode.allocatedWidth, mode.allocatedHeight, mode.isControlDisabled, p.allowCheckInEdit?.raw, p.allowSyncEdit?.raw, p.allowStatusEdit?.raw,
      this.#access, this.#notice,
    ];
    if (this.#lastElement && inputs.length === this.#lastInputs.length && inputs.every((v, i) => v === this.#lastInputs[i])) return this.#lastElement;
    this.#lastInputs = inputs;
    const grid = this.#adapter.snapshot(dataset);
    if (newData) this.#editor.syncWithDataset();
    this.#lastElement = React.createElement(RegistrationGrid, {
      grid,
      layout: { width: mode.allocatedWidth, height: mode.allocatedHeight },
      policy: this.#editPolicy(context),
      statusReasons: this.#access?.statusReasons ?? this.#fallbackReasons,
      text: this.#text,
      actions: this.#actions,
      editor: this.#editor,
      notice: this.#notice,
    });
    return this.#lastElement;
  }

  dispose(): void {
    this.#editor.dispose();
  }

  /** The same object while nothing changed, so cells don't re-render for nothing. */
  #editPolicy(context: Context): EditPolicy {
    const { allowCheckInEdit, allowSyncEdit, allowStatusEdit } = context.parameters;
    const next = editPolicy({
      isControlDisabled: context.mode.isControlDisabled,
      canWrite: this.#access?.canWrite,
      allowCheckInEdit: allowCheckInEdit?.raw !== false,
      allowSyncEdit: allowSyncEdit?.raw !== false,
      allowStatusEdit: allowStatusEdit?.raw !== false,
    });
    if (JSON.stringify(next) !== JSON.stringify(this.#policy)) this.#policy = next;
    return this.#policy ?? next;
  }

  #show(notice: string): void {
    this.#notice = notice;
    this.#rerender();
  }

  #rerender(): void {
    this.#context.factory.requestRender();
  }
}
