/** The call pool: the pace applied to the editor's saving slots, told by every call the saves make. */
import { createCallPool } from "../../../SessionRegistrationGrid/services/callPool";
import { dataverseErrors, ErrorCodes } from "../../fixtures";

/** A pool over `saving` slots in use, with a store whose calls the test answers or refuses. */
function pool(saving = 4) {
  const slots = { saving };
  const readies: number[] = [];
  const sleeps: { ms: number; wake(): void }[] = [];
  const p = createCallPool({
    saving: () => slots.saving,
    ready: () => readies.push(p.pace().limit),
    sleep: (ms) => new Promise<void>((wake) => sleeps.push({ ms, wake })),
  });
  const answers: ((outcome: { value?: string; error?: unknown }) => void)[] = [];
  const raw = {
    table: "msevtmgt_sessionregistration",
    call: (x: string) => new Promise<string>((resolve, reject) => answers.push(({ value, error }) => (error ? reject(error) : resolve(value ?? x)))),
  };
  const store = p.watch(raw);
  /** One call, answered or refused when the test says. */
  const send = () => {
    const done = store.call("one").catch((e: unknown) => e);
    const answer = answers.pop()!;
    return { settle: (outcome: { value?: string; error?: unknown }) => (answer(outcome), done) };
  };
  /** Sends `n` calls, then settles them all the same way. */
  const round = async (n: number, outcome: { value?: string; error?: unknown } = {}) => {
    const calls = Array.from({ length: n }, (_, i) => store.call(`call ${i}`).catch((e: unknown) => e));
    answers.splice(0).forEach((settle) => settle(outcome));
    return Promise.all(calls);
  };
  return { p, slots, readies, sleeps, store, round, send };
}

const refusedTooMany = dataverseErrors.throttle(ErrorCodes.ThrottleConcurrency, 1);
const refusedRequests = dataverseErrors.throttle(ErrorCodes.ThrottleRequests, 5);

describe("the call pool", () => {
  it("hands calls, their arguments, answers and refusals through unchanged", async () => {
    const { store, round } = pool();
    expect(store.table).toBe("msevtmgt_sessionregistration");
    expect(await round(1, { value: "answer" })).toEqual(["answer"]);
    expect(await round(1, { error: refusedRequests })).toEqual([refusedRequests]);
  });

  it("starts at 4: room while fewer than 4 changes are saving", () => {
    const { p, slots } = pool(3);
    expect(p.hasRoom()).toBe(true);
    slots.saving = 4;
    expect(p.hasRoom()).toBe(false);
  });

  it("a run of 4 answers while every slot is in use makes room for a fifth, and says so", async () => {
    const { p, slots, readies, round } = pool(4);
    await round(3);
    expect(p.pace().limit).toBe(4);
    await round(1);
    expect(p.pace().limit).toBe(5);
    expect(readies).toEqual([5]);
    expect(p.hasRoom()).toBe(true);
    slots.saving = 5;
    expect(p.hasRoom()).toBe(false);
  });

  it("answers while slots are free (single presses) don't raise it", async () => {
    const { p, round } = pool(1);
    await round(50);
    expect(p.pace().limit).toBe(4);
  });

  it("a refusal by a business rule is an answer; a lost connection is neither answer nor refusal", async () => {
    const { p, round } = pool(4);
    await round(2, { error: dataverseErrors.injectedValidation("msevtmgt_sessionregistration") });
    await round(5, { error: dataverseErrors.network() });
    expect(p.pace()).toMatchObject({ limit: 4, streak: 2 });
  });

  it("too many at once: halved once for all the calls refused together, no wait for new starts", async () => {
    const { p, slots, sleeps, round } = pool(4);
    await round(3, { error: refusedTooMany });
    expect(p.pace()).toMatchObject({ limit: 2, round: 1 });
    expect(sleeps).toEqual([]);
    slots.saving = 1;
    expect(p.hasRoom()).toBe(true);
  });

  it("a request-count refusal halves it and holds every new start for its Retry-After", async () => {
    const { p, slots, readies, sleeps, round } = pool(4);
    await round(1, { error: refusedRequests });
    expect(p.pace().limit).toBe(2);
    slots.saving = 0;
    expect(p.hasRoom()).toBe(false);
    expect(sleeps.map((s) => s.ms)).toEqual([5000]);
    sleeps[0].wake();
    await Promise.resolve();
    expect(p.hasRoom()).toBe(true);
    expect(readies).toEqual([2]);
  });

  it("a throttled answer without Retry-After halves it without holding", async () => {
    const { p, sleeps, round } = pool(4);
    await round(1, { error: { errorCode: ErrorCodes.ThrottleExecutionTime, message: "Combined execution time…", status: 429 } });
    expect(p.pace().limit).toBe(2);
    expect(sleeps).toEqual([]);
  });

  it("the answers to calls sent before a halving don't count toward the new limit; those sent after do", async () => {
    const { p, send } = pool(4);
    const [a, b, c] = [send(), send(), send()];
    await a.settle({ error: refusedTooMany });
    expect(p.pace()).toMatchObject({ limit: 2, round: 1 });
    await b.settle({});
    await c.settle({});
    expect(p.pace()).toMatchObject({ limit: 2, streak: 0 });
    const [d, e] = [send(), send()];
    await d.settle({});
    await e.settle({});
    expect(p.pace()).toMatchObject({ limit: 3, streak: 0, round: 1 });
  });
});
