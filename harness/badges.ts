/**
 * The badges the page's camera scanner offers (harness/dialogs.ts), read from the data: people of the grid's rows not
 * in yet, someone already in, a cancelled registration, a GUID as some QR codes carry it, someone registered for the
 * event but not for this session, and a code nobody has.
 */
import type { Choice } from "./dialogs";
import type { Mounted } from "./control";

export function badgesFor(m: Mounted): Choice<string>[] {
  const byContact = new Map(m.dataverse.eventRegistrations().filter((er) => er.statecode === 0).map((er) => [er._msevtmgt_contactid_value, er]));
  const rows = m.host.dataset.sortedRecordIds.map((id) => m.dataverse.get(id)!).filter(Boolean);
  const withBadge = rows.filter((r) => r._msevtmgt_contactid_value && byContact.has(r._msevtmgt_contactid_value));
  const badge = (r: (typeof rows)[number]) => byContact.get(r._msevtmgt_contactid_value!)!;
  const badges: Choice<string>[] = [];
  const add = (r: (typeof rows)[number] | undefined, note: string, code = (x: typeof r) => badge(x!).msevtmgt_name) => {
    if (r) badges.push({ label: `${code(r)} · ${r.msevtmgt_name ?? ""} (${note})`, value: code(r) });
  };
  withBadge.filter((r) => r.statecode === 0 && !r.msevtmgt_timescheckedin).slice(0, 4).forEach((r) => add(r, "not in yet"));
  add(withBadge.find((r) => r.statecode === 0 && (r.msevtmgt_timescheckedin ?? 0) > 0), "already in");
  add(withBadge.find((r) => r.statecode === 1), "registration cancelled");
  add(withBadge.filter((r) => r.statecode === 0 && !r.msevtmgt_timescheckedin)[4], "not in yet, QR with the GUID", (r) => `{${badge(r!).msevtmgt_eventregistrationid.toUpperCase()}}`);
  const here = new Set(rows.map((r) => r._msevtmgt_contactid_value));
  const elsewhere = [...byContact.values()].find((er) => !here.has(er._msevtmgt_contactid_value));
  if (elsewhere) badges.push({ label: `${elsewhere.msevtmgt_name} · ${m.dataverse.nameOf("contact", elsewhere._msevtmgt_contactid_value ?? "") ?? ""} (not registered for this session)`, value: elsewhere.msevtmgt_name });
  badges.push({ label: "CBAS25-999999 (nobody's)", value: "CBAS25-999999" });
  return badges;
}
