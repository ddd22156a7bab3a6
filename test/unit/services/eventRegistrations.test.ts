/** A check-in without an event registration on its row looks the contact's up: once per row, unless the ask failed. */
import type { Change } from "../../../SessionRegistrationGrid/model/changes";
import type { CheckInStore } from "../../../SessionRegistrationGrid/services/checkInStore";
import { createEventRegistrationFinder } from "../../../SessionRegistrationGrid/services/eventRegistrations";

const change = (rowId: string) => ({ rowId, targets: { registration: rowId, contact: "contact-1", event: "event-1" } }) as unknown as Change;

function store(answers: (() => Promise<string | null>)[]) {
  const findEventRegistration = jest.fn((_contact: string, _event: string) => answers.shift()!());
  return { create: jest.fn(), setActive: jest.fn(), findEventRegistration } satisfies CheckInStore;
}

describe("finding the event registration for a check-in", () => {
  it("asks once per registration, and remembers \"none\" too", async () => {
    const checkIns = store([async () => "er-1", async () => null]);
    const find = createEventRegistrationFinder(checkIns);
    expect(await find(change("row-1"))).toBe("er-1");
    expect(await find(change("row-1"))).toBe("er-1");
    expect(await find(change("row-2"))).toBeNull();
    expect(await find(change("row-2"))).toBeNull();
    expect(checkIns.findEventRegistration).toHaveBeenCalledTimes(2);
  });

  it("a failed ask is forgotten: the next check-in of that registration asks again and gets the answer", async () => {
    const checkIns = store([() => Promise.reject(new Error("network")), async () => "er-1"]);
    const find = createEventRegistrationFinder(checkIns);
    await expect(find(change("row-1"))).rejects.toThrow("network");
    expect(await find(change("row-1"))).toBe("er-1");
    expect(checkIns.findEventRegistration).toHaveBeenCalledTimes(2);
    expect(checkIns.findEventRegistration).toHaveBeenLastCalledWith("contact-1", "event-1");
  });
});
