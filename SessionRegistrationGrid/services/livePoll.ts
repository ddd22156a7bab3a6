import { Column, ENTITY } from "../ManifestConstants";
import { FIELD_COLUMNS } from "../model/edits";
import type { RegistrationFields, RegistrationRow } from "../model/types";
import type { RegistrationEditor } from "./registrationEditor";
import { toFreshRow } from "./registrationStore";

/** What the live updates say: paused after three failed asks; registrations created since the grid loaded. */
export interface LiveState {
  paused: boolean;
  newRegistrations: number;
}

export interface LivePoll {
  stop(): void;
  /** The user refreshed to see the new registrations: counting starts again from none. */
  shownNew(): void;
}

export interface LiveOptions {
  webAPI: ComponentFramework.WebApi;
  editor: RegistrationEditor;
  seconds: number;
  /** On a session's form: only that session's registrations. */
  session?: string;
  /** The row the grid holds for an id, if it holds it. */
  rowOf(id: string): RegistrationRow | undefined;
  /** The page is hidden (another tab in front): nobody looks, so nothing is asked. */
  hidden(): boolean;
  /** Other desks checked these people in (their counts went up) since the last ask. */
  checkedInElsewhere(names: string[]): void;
  changed(state: LiveState): void;
  /** After each answered ask: the registrations changed since the ask before (none on the first), as read. */
  asked?(changed: readonly Record<string, string>[]): void;
}

const ID = `${ENTITY}id`;
const SELECT = `?$select=${Object.values(FIELD_COLUMNS).join(",")},modifiedon,createdon&$orderby=modifiedon desc`;
/** The mark on a row another desk changed stays this long: long enough to see, gone before the next ask. */
const MARK_MS = 6000;

/**
 * Asks Dataverse every few seconds, while the page is visible and nothing of the grid's is on its way, for the
 * registrations changed since the last ask, in one call, and merges their values into the rows it holds without
 * a dataset refresh (so scroll and focus stay). "Since" is the newest modifiedon seen: the server's clock, not
 * the browser's. The first ask only learns where that is.
 */
export function startLivePoll(o: LiveOptions): LivePoll {
  let since: string | undefined;
  let start: string | undefined;
  let failures = 0;
  /** New registrations not shown yet: not held, created after the first ask. */
  const fresh = new Set<string>();
  const say = () => o.changed({ paused: failures >= 3, newRegistrations: fresh.size });
  const ask = async () => {
    if (o.hidden() || o.editor.busy()) return;
    // ge, not gt: modifiedon counts whole seconds, and another change may share the last one's second.
    const filter = [since && `modifiedon ge ${since}`, o.session && `_${Column.Session}_value eq ${o.session}`].filter(Boolean).join(" and ");
    try {
      const { entities } = await o.webAPI.retrieveMultipleRecords(ENTITY, SELECT + (filter && `&$filter=${filter}`) + (since ? "" : "&$top=1"));
      failures = 0;
      if (since) merge(entities);
      o.asked?.(since ? entities : []);
      since = entities[0]?.modifiedon ?? since;
      start ??= since;
    } catch {
      // Tried again at the next interval; the third failure in a row says live updates are paused.
      failures++;
    }
    say();
  };
  const merge = (entities: Record<string, string>[]) => {
    let marked = false;
    const names: string[] = [];
    for (const entity of entities) {
      const row = o.rowOf(entity[ID]);
      if (!row) {
        if (start && entity.createdon > start) fresh.add(entity[ID]);
        continue;
      }
      const shown = o.editor.shown(row);
      const { fields } = toFreshRow(entity);
      if ((Object.keys(fields) as (keyof RegistrationFields)[]).every((k) => fields[k] === shown[k])) continue;
      const checkedIn = (fields.timesCheckedIn ?? 0) > (shown.timesCheckedIn ?? 0);
      o.editor.learn(row.id, fields, checkedIn ? "checkedIn" : "changed");
      if (checkedIn) names.push(row.name);
      marked = true;
    }
    if (names.length) o.checkedInElsewhere(names);
    if (marked) setTimeout(o.editor.forgetElsewhere, MARK_MS);
  };
  void ask();
  const timer = setInterval(ask, o.seconds * 1000);
  return {
    stop: () => clearInterval(timer),
    shownNew() {
      fresh.clear();
      say();
    },
  };
}
