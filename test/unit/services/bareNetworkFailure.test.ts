/**
 * A lost connection as some hosts hand it over: a bare rejection `{ message: "Failed to fetch" }`, no code, no
 * name, not a TypeError (the shape model/errors.ts names). It must wait for the connection like any other lost
 * connection, never fail as an unexpected error (issue 21).
 */
import { classifyError } from "../../../SessionRegistrationGrid/model/errors";
import type { RegistrationStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { FakeDataverse } from "../../fixtures";
import { loaded, registration, settle, setup } from "./editorSetup";

describe("a connection lost as a bare { message }", () => {
  it("is a lost connection, in each browser's words", () => {
    for (const message of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"]) {
      expect(classifyError({ message }).kind).toBe("network");
    }
  });

  it("a check-in whose count write meets it waits (no failure) and is saved once when the connection is back", async () => {
    const row = registration({ msevtmgt_timescheckedin: 2 });
    const dataverse = new FakeDataverse({ data: { registrations: [row] } });
    const real = webApiStore(dataverse.webApi, "msevtmgt_sessionregistration");
    let down = true;
    // The platform's own shape for a dropped request: no errorCode, no name, not a TypeError.
    const registrations: RegistrationStore = {
      read: (id, columns) => real.read(id, columns),
      write: (id, payload) => (down ? Promise.reject({ message: "Failed to fetch" }) : real.write(id, payload)),
    };
    const { editor, press } = setup([], { dataverse, registrations, probeMs: 60_000 });
    expect(await press(loaded(row)).done).toBeUndefined();
    expect(editor.failures()).toEqual([]);
    expect(editor.edits(row.msevtmgt_sessionregistrationid).changes.map((c) => c.status)).toEqual(["waiting"]);

    down = false;
    editor.reconnect();
    await settle();
    expect(dataverse.get(row.msevtmgt_sessionregistrationid)?.msevtmgt_timescheckedin).toBe(3);
    expect(editor.waiting()).toBe(0);
  });
});
