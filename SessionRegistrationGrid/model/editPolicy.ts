/** Which edits the grid offers, and why not when it offers none. */
export interface EditPolicy {
  checkIn: boolean;
  sync: boolean;
  status: boolean;
  /** resx key of the one-line reason the grid is read-only, when it is. */
  readOnlyReason?: "ReadOnly_Disabled" | "ReadOnly_NoPrivilege";
}

/** A maker's yes/no switch as the manifest property hands it over; unset means allowed. */
interface Switch {
  raw: boolean | null;
}

export interface PolicyInputs {
  isControlDisabled: boolean;
  /** undefined while the privilege check is still running. */
  canWrite: boolean | undefined;
  allowCheckInEdit?: Switch;
  allowSyncEdit?: Switch;
  allowStatusEdit?: Switch;
}

export function editPolicy({ isControlDisabled, canWrite, allowCheckInEdit, allowSyncEdit, allowStatusEdit }: PolicyInputs): EditPolicy {
  if (isControlDisabled) return { checkIn: false, sync: false, status: false, readOnlyReason: "ReadOnly_Disabled" };
  if (canWrite === false) return { checkIn: false, sync: false, status: false, readOnlyReason: "ReadOnly_NoPrivilege" };
  return { checkIn: !!canWrite && allowCheckInEdit?.raw !== false, sync: !!canWrite && allowSyncEdit?.raw !== false, status: !!canWrite && allowStatusEdit?.raw !== false };
}

/** An inactive registration is read-only but for its status, like a model-driven form shows it. */
export function rowPolicy(policy: EditPolicy, state: number): EditPolicy {
  return state === 0 ? policy : { ...policy, checkIn: false, sync: false };
}
