/** Which edits the grid offers, and why not when it offers none. */
export interface EditPolicy {
  checkIn: boolean;
  sync: boolean;
  status: boolean;
  /** resx key of the one-line reason the grid is read-only, when it is. */
  readOnlyReason?: "ReadOnly_Disabled" | "ReadOnly_NoPrivilege";
}

export interface PolicyInputs {
  isControlDisabled: boolean;
  /** undefined while the privilege check is still running. */
  canWrite: boolean | undefined;
  allowCheckInEdit: boolean;
  allowSyncEdit: boolean;
  allowStatusEdit: boolean;
}

export function editPolicy(inputs: PolicyInputs): EditPolicy {
  if (inputs.isControlDisabled) return { checkIn: false, sync: false, status: false, readOnlyReason: "ReadOnly_Disabled" };
  if (inputs.canWrite === false) return { checkIn: false, sync: false, status: false, readOnlyReason: "ReadOnly_NoPrivilege" };
  const allowed = inputs.canWrite === true;
  return { checkIn: allowed && inputs.allowCheckInEdit, sync: allowed && inputs.allowSyncEdit, status: allowed && inputs.allowStatusEdit };
}

/** An inactive registration is read-only but for its status, like a model-driven form shows it. */
export function rowPolicy(policy: EditPolicy, state: number): EditPolicy {
  return state === 0 ? policy : { ...policy, checkIn: false, sync: false };
}
