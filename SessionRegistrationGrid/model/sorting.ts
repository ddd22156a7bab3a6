import type { GridColumn, SortState } from "./types";

/** Dataverse sorts on the server: the model computes the next request, not a sorted array. */
export function nextSort(current: SortState | undefined, column: GridColumn): SortState | undefined {
  if (!column.sortable) return current;
  // The sorted column again turns it round; another starts ascending.
  return { column: column.key, descending: current?.column === column.key && !current.descending };
}

/** Dataset sorting entries use 0 for ascending and 1 for descending. */
export function toDatasetSort(sort: SortState): { name: string; sortDirection: 0 | 1 } {
  return { name: sort.column, sortDirection: sort.descending ? 1 : 0 };
}

export function fromDatasetSort(entries?: readonly { name: string; sortDirection: number }[]): SortState | undefined {
  const first = entries?.[0];
  return first ? { column: first.name, descending: first.sortDirection === 1 } : undefined;
}
