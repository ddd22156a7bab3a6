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
  // attributeDescriptor carries State; the top-level OptionSet of some hosts doesn't, so it comes second.
  for (const optionSet of [attribute?.attributeDescriptor?.OptionSet, attribute?.OptionSet]) {
    const reasons = Object.values<Loose>(optionSet ?? {})
      .map((o) => ({ value: Number(o?.Value), label: o?.Label, state: Number(o?.State) }))
      .filter((r) => Number.isInteger(r.value) && Number.isInteger(r.state) && typeof r.label === "string");
    const states = new Set(reasons.map((r) => r.state));
    // Each state needs at least one reason; otherwise this shape is not usable.
    if (states.has(State.Active) && states.has(State.Inactive)) return reasons;
  }
  return fallback;
}

/** The status reason a bulk activate/deactivate writes: the first one of that state. */
export function defaultReasonFor(reasons: readonly StatusReason[], state: number): StatusReason | undefined {
  return reasons.find((r) => r.state === state);
}
