/** Whether check-ins make check-in records, or why not: the maker's switch, or no Create privilege on them. */
export type RecordsMode = { create: true } | { create: false; reason: "disabled" | "noPrivilege" };

/** Which edits the grid offers, and why not when it offers none. */
export interface EditPolicy {
  checkIn: boolean;
  sync: boolean;
  status: boolean;
  /** resx key of the one-line reason the grid is read-only, when it is. */
  readOnlyReason?: "ReadOnly_Disabled" | "ReadOnly_NoPrivilege";
  records: RecordsMode;
}

/** A maker's yes/no switch as the manifest property hands it over; unset means allowed. */
interface Switch {
  raw: boolean | null;
}

export interface PolicyInputs {
  isControlDisabled: boolean;
  /** undefined while the privilege check is still running. */
  canWrite?: boolean;
  /** Create privilege on check-in records; undefined while the check is still running. */
  canCreateCheckIns?: boolean;
  allowCheckInEdit?: Switch;
  allowSyncEdit?: Switch;
  allowStatusEdit?: Switch;
  createCheckInRecords?: Switch;
}

export function editPolicy(inputs: PolicyInputs): EditPolicy {
  const { isControlDisabled, canWrite, allowCheckInEdit, allowSyncEdit, allowStatusEdit } = inputs;
  const readOnlyReason = isControlDisabled ? "ReadOnly_Disabled" : canWrite === false ? "ReadOnly_NoPrivilege" : undefined;
  // Nothing is editable until the privilege check says so.
  const can = (allowed?: Switch) => !readOnlyReason && !!canWrite && allowed?.raw !== false;
  return { checkIn: can(allowCheckInEdit), sync: can(allowSyncEdit), status: can(allowStatusEdit), readOnlyReason, records: recordsMode(inputs) };
}

function recordsMode({ createCheckInRecords, canCreateCheckIns }: PolicyInputs): RecordsMode {
  if (createCheckInRecords?.raw === false) return { create: false, reason: "disabled" };
  return canCreateCheckIns === false ? { create: false, reason: "noPrivilege" } : { create: true };
}

/** An inactive registration is read-only but for its status, like a model-driven form shows it. */
export function rowPolicy(policy: EditPolicy, state: number): EditPolicy {
  return state === 0 ? policy : { ...policy, checkIn: false, sync: false };
}
