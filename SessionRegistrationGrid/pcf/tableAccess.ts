import { Column, ENTITY } from "../ManifestConstants";
import { readStatusReasons, type StatusReason } from "../model/statusReasons";

export interface TableAccess {
  canWrite: boolean;
  statusReasons: StatusReason[];
}

/** PrivilegeType.Write and PrivilegeDepth.Basic: any write privilege at all. */
const WRITE = 3;
const BASIC_DEPTH = 0;

/**
 * Reads the status reasons and the user's write privilege. hasEntityPrivilege can answer false until
 * getEntityMetadata has run once for the table, so it is asked only afterwards.
 * When the metadata can't be had, the documented status pairs are used and writing is left to Dataverse to refuse.
 */
export async function loadTableAccess(utils: ComponentFramework.Utility, fallback: StatusReason[]): Promise<TableAccess> {
  let metadata: unknown;
  try {
    metadata = await utils.getEntityMetadata(ENTITY, [Column.StatusReason, Column.State]);
  } catch {
    return { canWrite: true, statusReasons: fallback };
  }
  return {
    canWrite: utils.hasEntityPrivilege(ENTITY, WRITE, BASIC_DEPTH),
    statusReasons: readStatusReasons(metadata, fallback),
  };
}
