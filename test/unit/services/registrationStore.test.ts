/** What a registration read from the Web API says: the fields it carries and its row version. */
import { toFreshRow, webApiStore } from "../../../SessionRegistrationGrid/services/registrationStore";
import { FakeDataverse } from "../../fixtures";
import { registration } from "./editorSetup";

describe("a registration read from Dataverse", () => {
  it("carries the row version as text", async () => {
    const row = registration({ msevtmgt_timescheckedin: 2 });
    const store = webApiStore(new FakeDataverse({ data: { registrations: [row] } }).webApi, "msevtmgt_sessionregistration");
    const fresh = await store.read(row.msevtmgt_sessionregistrationid, ["msevtmgt_timescheckedin", "versionnumber"]);
    expect(fresh).toEqual({ fields: { timesCheckedIn: 2 }, version: row.versionnumber });
    expect(toFreshRow({ versionnumber: 1234 }).version).toBe("1234");
  });

  it("a row without a version, or with an empty one, carries no version (not the text \"undefined\" or \"null\")", () => {
    expect(toFreshRow({ msevtmgt_timescheckedin: 1 })).toEqual({ fields: { timesCheckedIn: 1 }, version: undefined });
    expect(toFreshRow({ msevtmgt_timescheckedin: 1 }).version).toBeUndefined();
    expect(toFreshRow({ msevtmgt_timescheckedin: 1, versionnumber: null }).version).toBeUndefined();
  });
});
