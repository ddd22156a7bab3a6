import { State } from "../ManifestConstants";

export interface StatusReason {
  value: number;
  label: string;
  state: number;
}

/** The documented pairs, used when the table's metadata can't be had. Labels come from the resx. */
export function fallbackStatusReasons(activeLabel: string, inactiveLabel: string): StatusReason[] {
  return [
    { value: 1, label: activeLabel, state: State.Active },
    { value: 2, label: inactiveLabel, state: State.Inactive },
  ];
}

// Runtime metadata is untyped (the typings say only `{[key: string]: any}`).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/**
 * Status reasons from `getEntityMetadata(..., ["statuscode"])`, read defensively: at runtime `Attributes` is a
 * collection with get() or a plain map, and the options sit under `attributeDescriptor.OptionSet` or `OptionSet`,
 * as an array or a map. `State` names each one's state.
 */
export function readStatusReasons(metadata: Loose, fallback: StatusReason[]): StatusReason[] {
  const attributes = metadata?.Attributes;
  const attribute = attributes?.get ? attributes.get("statuscode") : attributes?.statuscode;
  // attributeDescriptor's options carry State; the top-level OptionSet carries it only where it is the same array.
  const reasons = Object.values<Loose>(attribute?.attributeDescriptor?.OptionSet ?? attribute?.OptionSet ?? {})
    .map((o) => ({ value: Number(o?.Value), label: o?.Label, state: Number(o?.State) }))
    .filter((r) => Number.isInteger(r.value) && Number.isInteger(r.state) && typeof r.label === "string");
  // Each state needs at least one reason; otherwise this shape is not usable.
  if ([State.Active, State.Inactive].every((state) => reasons.some((r) => r.state === state))) return reasons;
  return fallback;
}
