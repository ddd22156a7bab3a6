/** Names shared with the manifest and with Dataverse: one place, no magic strings elsewhere. */

export const DATASET = "sessionRegistrations";

/** Input properties a maker sets in the designer (ControlManifest.Input.xml). */
export const enum Property {
  AllowCheckInEdit = "allowCheckInEdit",
  AllowSyncEdit = "allowSyncEdit",
  AllowStatusEdit = "allowStatusEdit",
  PageSize = "pageSize",
  CreateCheckInRecords = "createCheckInRecords",
  LiveRefreshSeconds = "liveRefreshSeconds",
}

export const ENTITY = "msevtmgt_sessionregistration";

/**
 * Logical names of the session registration columns the control uses. A plain object, not a const enum:
 * each name is then written once in the bundle instead of at every use.
 */
export const Column = {
  Name: "msevtmgt_name",
  Contact: "msevtmgt_contactid",
  Session: "msevtmgt_sessionid",
  Event: "msevtmgt_event",
  EventRegistration: "msevtmgt_registrationid",
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

/** The check-in table: what the rest of Event Management reads attendance from. */
export const CheckIn = {
  Entity: "msevtmgt_checkin",
  Id: "msevtmgt_checkinid",
  Name: "msevtmgt_name",
  Type: "msevtmgt_checkintype",
  Time: "msevtmgt_checkintime",
  /** Navigation properties for @odata.bind: case-sensitive, as Microsoft's Web API reference names them. */
  Contact: "msevtmgt_Contact",
  Event: "msevtmgt_Event",
  EventRegistration: "msevtmgt_RegistrationId",
  SessionAttended: "msevtmgt_SessionAttended",
  SessionRegistration: "msevtmgt_SessionRegistration",
  SessionRegistrationValue: "_msevtmgt_sessionregistration_value",
  SessionAttendedValue: "_msevtmgt_sessionattended_value",
  ContactValue: "_msevtmgt_contact_value",
} as const;

export const enum CheckInType {
  Session = 100000000,
}

/** Entity sets the binds point into. */
export const EntitySet = {
  Contact: "contacts",
  Event: "msevtmgt_events",
  EventRegistration: "msevtmgt_eventregistrations",
  Session: "msevtmgt_sessions",
  SessionRegistration: "msevtmgt_sessionregistrations",
} as const;

export const EventRegistration = {
  Entity: "msevtmgt_eventregistration",
  Id: "msevtmgt_eventregistrationid",
  ContactValue: "_msevtmgt_contactid_value",
  EventValue: "_msevtmgt_eventid_value",
} as const;

/** The session a registration is for: the desk's header and full-room question read it. */
export const Session = {
  Entity: "msevtmgt_session",
  Capacity: "msevtmgt_sessionmaxcapacity",
  EventValue: "_msevtmgt_event_value",
  /** TimeZoneIndependent: the venue's wall clock (model/arrivals.ts, venueInstant). */
  Start: "msevtmgt_starttime",
  End: "msevtmgt_endtime",
} as const;

/** Navigation properties of a session registration's lookups, for @odata.bind on create (case-sensitive). */
export const RegistrationBind = {
  Contact: "msevtmgt_contactid",
  Session: "msevtmgt_SessionId",
  Event: "msevtmgt_Event",
  EventRegistration: "msevtmgt_RegistrationID",
} as const;

/** Dataverse's answer to a create whose primary key already exists: an earlier attempt of it landed. */
export const DUPLICATE_KEY = -2147220937;

/** 0x80040217: the record does not exist (deleted meanwhile). */
export const NOT_FOUND = -2147220969;
