/** Names shared with the manifest and with Dataverse: one place, no magic strings elsewhere. */

export const DATASET = "sessionRegistrations";

/** Input properties a maker sets in the designer (ControlManifest.Input.xml). */
export const enum Property {
  AllowCheckInEdit = "allowCheckInEdit",
  AllowSyncEdit = "allowSyncEdit",
  AllowStatusEdit = "allowStatusEdit",
  PageSize = "pageSize",
}

export const ENTITY = "msevtmgt_sessionregistration";

/**
 * Logical names of the session registration columns the control uses. A plain object, not a const enum:
 * each name is then written once in the bundle instead of at every use.
 */
export const Column = {
  Name: "msevtmgt_name",
  Contact: "msevtmgt_contactid",
  SyncedWithProvider: "msevtmgt_syncedwithprovider",
  TimesCheckedIn: "msevtmgt_timescheckedin",
  State: "statecode",
  StatusReason: "statuscode",
  Version: "versionnumber",
} as const;

/** Global choice msevtmgt_nooryes. */
export const enum SyncFlag {
  No = 100000001,
  Yes = 100000002,
}

export const enum State {
  Active = 0,
  Inactive = 1,
}

/** Largest value Dataverse accepts in an Int32 column. */
export const MAX_CHECK_INS = 2147483647;

/** Dataverse never pages more than this; model-driven apps report -1 past it. */
export const MAX_PAGE_SIZE = 5000;
