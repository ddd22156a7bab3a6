import { MAX_PAGE_SIZE } from "../ManifestConstants";
import type { PagingState } from "./types";

export interface PagingText {
  key: "Paging_Count" | "Paging_CountUnknown";
  loaded: number;
  total: number;
}

/** "N of M", or "N of 5000+" when Dataverse reports -1 (it stops counting at 5,000). */
export function pagingText(paging: PagingState): PagingText {
  if (paging.total < 0 && paging.hasMore) return { key: "Paging_CountUnknown", loaded: paging.loaded, total: Math.max(MAX_PAGE_SIZE, paging.loaded) };
  return { key: "Paging_Count", loaded: paging.loaded, total: Math.max(paging.total, paging.loaded) };
}

/** The page size a maker asked for, kept within what Dataverse serves. */
export function clampPageSize(requested: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(requested)));
}
