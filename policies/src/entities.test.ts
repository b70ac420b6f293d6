import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Principal } from "@hub/contracts";
import { loadAgreements } from "./agreements";
import { bodyOf, buildEntityCatalog, entitiesFor } from "./entities";

const catalog = buildEntityCatalog(loadAgreements(path.resolve(__dirname, "../../contracts/agreements")));
const officer: Principal = {
  subject: "officer-0147",
  agency: "BORDER_POLICE",
  role: "border-officer",
  purposes: ["BORDER_CHECK"],
  country: "AM",
  cases: [],
};
const readmission: Principal = {
  ...officer,
  subject: "tr-1",
  agency: "TR-PMM",
  role: "readmission-officer",
  country: "TR",
};
const police: Principal = { ...officer, subject: "ge-1", agency: "GE-MIA", role: "police-investigator", country: "GE" };

const callerOf = (p: Principal) =>
  entitiesFor(catalog, p, "CRIMINAL", "BORDER_POLICE", "AM").find(
    (e) => (e.uid as { type: string }).type === "Hub::Caller",
  );
const roleOf = (p: Principal) =>
  entitiesFor(catalog, p, "CRIMINAL", "BORDER_POLICE", "AM").find(
    (e) => (e.uid as { type: string }).type === "Hub::Role",
  );

describe("the body a caller acts for (R14-2)", () => {
  it("is its agency for a caller of the hub's country", () => {
    expect(bodyOf(officer, "AM")).toEqual({ kind: "agency", uid: { type: "Hub::Agency", id: "BORDER_POLICE" } });
    expect(callerOf(officer)?.parents).toEqual([{ type: "Hub::Agency", id: "BORDER_POLICE" }]);
  });

  it("is its authority for a foreign caller of that authority's country, with the authority as attribute", () => {
    expect(bodyOf(readmission, "AM")).toEqual({ kind: "authority", uid: { type: "Hub::Authority", id: "TR-PMM" } });
    const caller = callerOf(readmission);
    expect(caller?.parents).toEqual([{ type: "Hub::Authority", id: "TR-PMM" }]);
    expect(caller?.attrs).toMatchObject({ authority: { __entity: { type: "Hub::Authority", id: "TR-PMM" } } });
    expect(entitiesFor(catalog, readmission, "IDENTITY", "MIGRATION_SERVICE", "AM")).toContainEqual({
      uid: { type: "Hub::Authority", id: "TR-PMM" },
      attrs: { country: "TR" },
      parents: [],
    });
  });

  it("gives a foreign authority's role the clauses of the agreements naming that authority", () => {
    expect(roleOf(police)?.parents).toEqual([{ type: "Hub::Clause", id: "AGR-BP-GE-POLICE/CRIMINAL" }]);
  });

  it("is nothing for a domestic agency claimed from abroad: no agency, no authority, no clauses", () => {
    const abroad = { ...officer, country: "TR" };
    expect(bodyOf(abroad, "AM")).toBeNull();
    expect(callerOf(abroad)?.parents).toEqual([]);
    expect(callerOf(abroad)?.attrs).not.toHaveProperty("authority");
    expect(roleOf(abroad)?.parents).toEqual([]);
  });

  it("is nothing for an authority of the hub's own country, or of another country than the caller's", () => {
    expect(bodyOf({ ...readmission, agency: "AM-POLICE", country: "AM" }, "AM")).toBeNull();
    expect(bodyOf({ ...readmission, country: "GE" }, "AM")).toBeNull();
  });
});
