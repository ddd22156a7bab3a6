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
