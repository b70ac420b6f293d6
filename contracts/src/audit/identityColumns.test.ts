/** The identity search columns and the row every audit writer builds. */
import { describe, expect, it } from "@jest/globals";
import { AUDIT_COLUMNS, auditInsertParameters } from "./auditSchema";
import { auditRowOf } from "./auditRow";
import { identityColumnsOf } from "./identityColumns";
import type { AuditEventContent } from "./AuditEvent";

const caller = {
  issuer: "https://idp.example/a",
  clientId: "kiosk",
  tokenId: null,
  keyId: "k1",
  onBehalfOf: null,
  delegation: null,
  binding: "bearer" as const,
};
const administration = {
  action: "refresh-keys" as const,
  issuer: "https://idp.example/c",
  keyId: null,
  reason: null,
  operator: "operator-ana",
  result: "refreshed: 2 keys",
};

describe("identityColumnsOf", () => {
  it("takes the caller's issuer, else the refused token's, else the administered one", () => {
    const refused = { reason: "expired", issuer: "https://idp.example/b", keyId: "k2" };
    expect(identityColumnsOf({ caller, authentication: refused })).toEqual({
      issuer: "https://idp.example/a",
      clientId: "kiosk",
      authReason: "expired",
    });
    expect(identityColumnsOf({ authentication: refused })).toEqual({
      issuer: "https://idp.example/b",
      clientId: null,
      authReason: "expired",
    });
    expect(identityColumnsOf({ administration })).toEqual({
      issuer: "https://idp.example/c",
      clientId: null,
      authReason: null,
    });
    expect(identityColumnsOf({ authentication: { reason: "unknown-issuer", issuer: null, keyId: null } })).toEqual({
      issuer: null,
      clientId: null,
      authReason: "unknown-issuer",
    });
  });

  it("leaves them empty on an event written before callers were recorded", () => {
    expect(identityColumnsOf({})).toEqual({ issuer: null, clientId: null, authReason: null });
  });
});

describe("auditRowOf", () => {
  it("gives one value per column, the identity columns last", () => {
    const content = {
      id: "0f8e4f0c-1d8e-4c53-9c55-5b0e3b7c2a10",
      occurredAt: "2026-11-25T10:00:00.000Z",
      requestId: "r-1",
      subject: "operator-ana",
      agency: null,
      role: null,
      purpose: null,
      outcome: "ADMINISTERED",
      fieldsDenied: [],
      refusals: [],
      disclosedPersonRefs: [],
      categories: [],
      releaseAfter: null,
      administration,
    } as unknown as AuditEventContent;
    const row = auditRowOf({ seq: 7, content, text: "{}", prevHash: "p", hash: "h" });
    expect(row).toHaveLength(AUDIT_COLUMNS.length);
    expect(row.slice(AUDIT_COLUMNS.indexOf("issuer"))).toEqual(["https://idp.example/c", null, null]);
    expect(auditInsertParameters([row])).toHaveLength(AUDIT_COLUMNS.length);
  });
});
