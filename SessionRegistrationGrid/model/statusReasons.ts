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

type Loose = Record<string, unknown> | undefined | null;

function labelOf(label: unknown): string {
  if (typeof label === "string") return label;
  const l = label as Loose;
  const user = (l?.UserLocalizedLabel as Loose)?.Label;
  return typeof user === "string" ? user : "";
}

function attributeOf(metadata: Loose, name: string): Loose {
  const attributes = metadata?.Attributes as Loose;
  if (!attributes) return undefined;
  if (typeof attributes.get === "function") return (attributes.get as (n: string) => Loose)(name);
  return attributes[name] as Loose;
}

/**
 * Status reasons from `getEntityMetadata(..., ["statuscode"])`, read defensively: at runtime the options sit under
 * `OptionSet` or `attributeDescriptor.OptionSet`, as an array or a map, with `State` naming each one's state.
 */
export function readStatusReasons(metadata: unknown, fallback: StatusReason[]): StatusReason[] {
  const attribute = attributeOf(metadata as Loose, "statuscode");
  const optionSet = (attribute?.OptionSet ?? (attribute?.attributeDescriptor as Loose)?.OptionSet) as unknown;
  const options = Array.isArray(optionSet) ? optionSet : optionSet && typeof optionSet === "object" ? Object.values(optionSet) : [];
  const reasons: StatusReason[] = [];
  for (const option of options as Loose[]) {
    const value = Number(option?.Value);
    const state = Number(option?.State);
    const label = labelOf(option?.Label);
    if (Number.isInteger(value) && Number.isInteger(state) && label) reasons.push({ value, label, state });
  }
  const states = new Set(reasons.map((r) => r.state));
  // Each state needs at least one reason; otherwise the metadata is not usable.
  return states.has(State.Active) && states.has(State.Inactive) ? reasons : fallback;
}

export function labelOfStatus(reasons: readonly StatusReason[], value: number, fallback: string): string {
  return reasons.find((r) => r.value === value)?.label ?? fallback;
}

/** The status reason a bulk activate/deactivate writes: the first one of that state. */
export function defaultReasonFor(reasons: readonly StatusReason[], state: number): StatusReason | undefined {
  return reasons.find((r) => r.state === state);
}
