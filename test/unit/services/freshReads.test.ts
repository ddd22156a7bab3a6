/** Fresh reads asked for together go out as one retrieveMultipleRecords with In; each still answers one attempt. */
import { classifyError } from "../../../SessionRegistrationGrid/model/errors";
import { gatherReads, MOST_IDS_PER_READ } from "../../../SessionRegistrationGrid/services/freshReads";
import { webApiStore, type RegistrationStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { ErrorCodes, FakeDataverse } from "../../fixtures";
import { registration } from "./editorSetup";

const ENTITY = "msevtmgt_sessionregistration";
const COUNT = ["msevtmgt_timescheckedin", "versionnumber"];
const rows = Array.from({ length: 120 }, (_, i) => registration({ msevtmgt_timescheckedin: i }));
const idOf = (i: number) => rows[i].msevtmgt_sessionregistrationid;

/** The reads go when the test says (`gather()`), over a fake Dataverse holding the 120 rows. */
function reads() {
  const dataverse = new FakeDataverse({ data: { registrations: rows } });
  let flushes: (() => void)[] = [];
  const store = gatherReads(webApiStore(dataverse.webApi, ENTITY), (flush) => flushes.push(flush));
  const gather = () => flushes.splice(0).forEach((flush) => flush());
  const outcome = (read: Promise<unknown>) => read.then((row) => row, (error: unknown) => classifyError(error));
  return { dataverse, store, gather, outcome, reset: () => (flushes = []) };
}

describe("fresh reads gathered", () => {
  it("reads asked for together: one retrieveMultipleRecords with In, its columns and the id; each gets its own row", async () => {
    const { dataverse, store, gather } = reads();
    const asked = [0, 1, 2].map((i) => store.read(idOf(i), COUNT));
    expect(dataverse.calls).toHaveLength(0);
    gather();
    expect(await Promise.all(asked)).toEqual([0, 1, 2].map((i) => ({ fields: { timesCheckedIn: i }, version: rows[i].versionnumber })));
    expect(dataverse.calls.map((c) => [c.op, c.options])).toEqual([["retrieveMultiple",
      `?$select=msevtmgt_timescheckedin,versionnumber,msevtmgt_sessionregistrationid&$filter=Microsoft.Dynamics.CRM.In(PropertyName='msevtmgt_sessionregistrationid',PropertyValues=['${idOf(0)}','${idOf(1)}','${idOf(2)}'])`]]);
  });

  it("a read alone stays a retrieveRecord, as a single press always made", async () => {
    const { dataverse, store, gather } = reads();
    const alone = store.read(idOf(5), COUNT);
    gather();
    expect(await alone).toEqual({ fields: { timesCheckedIn: 5 }, version: rows[5].versionnumber });
    expect(dataverse.calls.map((c) => [c.op, c.id, c.options])).toEqual([["retrieve", idOf(5), "?$select=msevtmgt_timescheckedin,versionnumber"]]);
  });

  it("at most 50 ids a call: 120 reads are 50 + 50 + 20, each row answered from its own call", async () => {
    const { dataverse, store, gather } = reads();
    const asked = rows.map((_, i) => store.read(idOf(i), COUNT));
    gather();
    const answered = await Promise.all(asked);
    expect(answered.map((row) => row.fields.timesCheckedIn)).toEqual(rows.map((_, i) => i));
    const idsPerCall = dataverse.calls.map((c) => (c.options!.match(/'[0-9a-f-]{36}'/g) ?? []).length);
    expect(MOST_IDS_PER_READ).toBe(50);
    expect(idsPerCall).toEqual([50, 50, 20]);
  });

  it("reads of different columns go in calls of their own", async () => {
    const { dataverse, store, gather } = reads();
    const sync = ["msevtmgt_syncedwithprovider", "statecode", "versionnumber"];
    const asked = [store.read(idOf(0), COUNT), store.read(idOf(1), sync), store.read(idOf(2), COUNT), store.read(idOf(3), sync)];
    gather();
    const [a, b] = await Promise.all(asked);
    expect(a.fields).toEqual({ timesCheckedIn: 0 });
    expect(b.fields).toEqual({ synced: false, state: 0 });
    expect(dataverse.calls.map((c) => c.options!.split("&")[0])).toEqual([
      "?$select=msevtmgt_timescheckedin,versionnumber,msevtmgt_sessionregistrationid",
      "?$select=msevtmgt_syncedwithprovider,statecode,versionnumber,msevtmgt_sessionregistrationid",
    ]);
  });

  it("ids in any case or with braces find their rows", async () => {
    const { store, gather } = reads();
    const asked = [store.read(`{${idOf(7).toUpperCase()}}`, COUNT), store.read(idOf(8).toUpperCase(), COUNT)];
    gather();
    expect((await Promise.all(asked)).map((row) => row.fields.timesCheckedIn)).toEqual([7, 8]);
  });

  it("a row the answer lacks (deleted meanwhile) fails as not found, as retrieveRecord does; the others are read", async () => {
    const { dataverse, store, gather, outcome } = reads();
    dataverse.failNext({ kind: "notFound", op: "retrieve" });
    const alone = outcome(store.read(idOf(9), COUNT));
    gather();
    const asked = [10, 11, 12].map((i) => outcome(store.read(idOf(i), COUNT)));
    // Another user deletes row 11 before the read gets there.
    await dataverse.webApi.deleteRecord(ENTITY, idOf(11));
    gather();
    const [ten, eleven, twelve] = await Promise.all(asked);
    expect(await alone).toMatchObject({ kind: "notFound" });
    expect(eleven).toEqual({ kind: "notFound", detail: `msevtmgt_sessionregistration With Id = ${idOf(11)} Does Not Exist` });
    expect([ten, twelve]).toEqual([{ fields: { timesCheckedIn: 10 }, version: rows[10].versionnumber }, { fields: { timesCheckedIn: 12 }, version: rows[12].versionnumber }]);
  });

  it.each(["throttle", "network", "networkAfterCommit", "privilege"] as const)("a call that fails (%s) fails every read in it with its error", async (kind) => {
    const { dataverse, store, gather, outcome } = reads();
    dataverse.failNext({ kind, op: "retrieveMultiple", retryAfterSeconds: 3 });
    const asked = [0, 1, 2].map((i) => outcome(store.read(idOf(i), COUNT)));
    gather();
    const problems = await Promise.all(asked);
    const expected = { throttle: { kind: "throttled", retryAfterMs: 3000 }, network: { kind: "network" }, networkAfterCommit: { kind: "network" }, privilege: { kind: "privilege" } }[kind];
    for (const problem of problems) expect(problem).toMatchObject(expected);
    expect(dataverse.calls).toHaveLength(1);
    if (kind === "throttle") expect(dataverse.calls[0].error?.errorCode).toBe(ErrorCodes.ThrottleRequests);
  });

  it("a read is never kept for a later one: each is asked of Dataverse when its attempt asks", async () => {
    const { dataverse, store, gather } = reads();
    const first = [store.read(idOf(20), COUNT), store.read(idOf(21), COUNT)];
    gather();
    await Promise.all(first);
    dataverse.changeByAnotherUser(idOf(20), { msevtmgt_timescheckedin: 99 });
    const again = [store.read(idOf(20), COUNT), store.read(idOf(21), COUNT)];
    gather();
    const [twenty] = await Promise.all(again);
    expect(twenty.fields.timesCheckedIn).toBe(99);
    expect(twenty.version).not.toBe(rows[20].versionnumber);
    expect(dataverse.calls.filter((c) => c.op === "retrieveMultiple")).toHaveLength(2);
  });

  it("a store that can only read one row at a time reads each alone", async () => {
    const dataverse = new FakeDataverse({ data: { registrations: rows } });
    const { read, write } = webApiStore(dataverse.webApi, ENTITY);
    const single: RegistrationStore = { read, write };
    let flush = () => undefined as void;
    const store = gatherReads(single, (f) => (flush = f));
    const asked = [store.read(idOf(0), COUNT), store.read(idOf(1), COUNT)];
    flush();
    expect((await Promise.all(asked)).map((row) => row.fields.timesCheckedIn)).toEqual([0, 1]);
    expect(dataverse.calls.map((c) => c.op)).toEqual(["retrieve", "retrieve"]);
  });

  it("by default, the reads of one task go together when it ends", async () => {
    const dataverse = new FakeDataverse({ data: { registrations: rows } });
    const store = gatherReads(webApiStore(dataverse.webApi, ENTITY));
    const asked = [store.read(idOf(0), COUNT), Promise.resolve().then(() => store.read(idOf(1), COUNT))];
    await Promise.resolve();
    expect(dataverse.calls).toHaveLength(0);
    await Promise.all(asked);
    expect(dataverse.calls.map((c) => c.op)).toEqual(["retrieveMultiple"]);
  });
});
