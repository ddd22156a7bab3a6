import { CheckIn, Column, ENTITY } from "../ManifestConstants";
import { readStatusReasons, type StatusReason } from "../model/statusReasons";

export interface TableAccess {
  canWrite: boolean;
  /** Whether the user may create check-in records; without it, check-ins are counted alone. */
  canCreateCheckIns: boolean;
  statusReasons: StatusReason[];
}

/** PrivilegeType.Create and Write, PrivilegeDepth.Basic: any create or write privilege at all. */
const CREATE = 1;
const WRITE = 3;
const BASIC_DEPTH = 0;

/**
 * Reads the status reasons and the user's privileges. hasEntityPrivilege can answer false until
 * getEntityMetadata has run once for the table, so it is asked only afterwards. When the metadata can't be had,
 * the documented status pairs are used and writing is left to Dataverse to refuse.
 */
export async function loadTableAccess(utils: ComponentFramework.Utility, fallback: StatusReason[]): Promise<TableAccess> {
  const [registrations, checkIns] = await Promise.allSettled([
    utils.getEntityMetadata(ENTITY, [Column.StatusReason, Column.State]),
    utils.getEntityMetadata(CheckIn.Entity, []),
  ]);
  return {
    canWrite: registrations.status === "rejected" || utils.hasEntityPrivilege(ENTITY, WRITE, BASIC_DEPTH),
    canCreateCheckIns: checkIns.status === "rejected" || utils.hasEntityPrivilege(CheckIn.Entity, CREATE, BASIC_DEPTH),
    statusReasons: registrations.status === "fulfilled" ? readStatusReasons(registrations.value, fallback) : fallback,
  };
}

/**
 * What the user may do, as last read for this environment, user and language: a form opened again (or the page
 * reloaded) starts from it instead of drawing every row read-only and then again with its editors. The fresh read
 * follows at once and wins; privileges taken away meanwhile show within one round trip, and Dataverse refuses any
 * write they no longer allow.
 */
export interface AccessMemory {
  recall(): TableAccess | undefined;
  keep(access: TableAccess): void;
}

const inThisPage = new Map<string, TableAccess>();

export function accessMemory(store: Pick<Storage, "getItem" | "setItem"> | undefined, key: string): AccessMemory {
  return {
    recall() {
      const known = inThisPage.get(key);
      if (known) return known;
      try {
        const kept = JSON.parse(store?.getItem(key) ?? "null") as TableAccess | null;
        const usable = kept && typeof kept.canWrite === "boolean" && typeof kept.canCreateCheckIns === "boolean" && Array.isArray(kept.statusReasons);
        return usable ? kept : undefined;
      } catch {
        // Unreadable: the fresh read will tell.
        return undefined;
      }
    },
    keep(access) {
      inThisPage.set(key, access);
      try {
        store?.setItem(key, JSON.stringify(access));
      } catch {
        // A browser that keeps nothing (private mode, quota): the page's memory still holds it.
      }
    },
  };
}
