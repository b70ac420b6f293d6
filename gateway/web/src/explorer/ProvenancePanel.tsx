/**
 * The provenance of the last answer, checked in the browser as `npm run verify-response` checks
 * it: each agency's signature against the keys the hub republishes from the agencies
 * (/provenance/keys), and each datum covered by the part of the agency that holds it.
 */
import { useEffect, useState } from "react";
import { AGENCY_TITLES, type Agency } from "../../../../contracts/src/vocabulary";
import { GATEWAY_PROVENANCE_KEYS_PATH } from "../../../../contracts/src/provenance/provenancePayload";
import { parseKeySets, publishedKeys, type PublishedKeys } from "../../../../contracts/src/provenance/publishedKeys";
import { verifyProvenance, type ProvenanceReport } from "../../../../contracts/src/provenance/verifyProvenance";
import { download } from "../shared/download";

type Check =
  { kind: "checking" } | { kind: "done"; report: ProvenanceReport } | { kind: "unavailable"; message: string };

/** The keys change only by rotation: asked once per page. A failed fetch is asked again next time. */
let keys: Promise<PublishedKeys> | undefined;
function agencyKeys(): Promise<PublishedKeys> {
  keys ??= fetch(GATEWAY_PROVENANCE_KEYS_PATH)
    .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
    .then((doc: unknown) => publishedKeys(parseKeySets(doc)));
  keys.catch(() => (keys = undefined));
  return keys;
}

const hasProvenance = (answer: unknown) =>
  typeof answer === "object" &&
  answer !== null &&
  "provenance" in ((answer as { extensions?: object }).extensions ?? {});

const title = (agency: string) => AGENCY_TITLES[agency as Agency] ?? agency;

function covered(report: ProvenanceReport): string {
  const byAgency = new Map<string, number>();
  for (const p of report.parts) byAgency.set(p.agency, (byAgency.get(p.agency) ?? 0) + p.covered);
  return [...byAgency].map(([agency, n]) => `${title(agency)} ${n}`).join(", ");
}

export function ProvenancePanel({ answer }: { answer: unknown }) {
  const [check, setCheck] = useState<Check>({ kind: "checking" });
  useEffect(() => {
    let live = true;
    setCheck({ kind: "checking" });
    if (!hasProvenance(answer)) return;
    agencyKeys()
      .then((k) => verifyProvenance(answer, k))
      .then((report) => live && setCheck({ kind: "done", report }))
      .catch((error: unknown) => live && setCheck({ kind: "unavailable", message: (error as Error).message }));
    return () => {
      live = false;
    };
  }, [answer]);
  if (!hasProvenance(answer)) return null;
  const save = () => download(JSON.stringify(answer, null, 2), "answer.json", "application/json");
  return (
    <section className="provenance" data-testid="provenance" aria-label="Provenance">
      <h3>Provenance</h3>
      {check.kind === "checking" ? <p className="notice">Checking the agencies&apos; signatures…</p> : null}
      {check.kind === "unavailable" ? (
        <p className="error" data-testid="provenance-status" data-status="unavailable">
          Provenance could not be checked: the agencies&apos; keys are not available ({check.message}).
        </p>
      ) : null}
      {check.kind === "done" && check.report.ok ? (
        <p data-testid="provenance-status" data-status="verified">
          <span className="badge badge--ok">Provenance verified</span> {check.report.data} datum(s), each signed by the
          agency that holds it: {covered(check.report)}.
        </p>
      ) : null}
      {check.kind === "done" && !check.report.ok ? (
        <>
          <p data-testid="provenance-status" data-status="failed">
            <span className="badge badge--danger">Provenance not verified</span> {check.report.failures.length}{" "}
            problem(s)
            {check.report.unprovenCount ? `, ${check.report.unprovenCount} datum(s) unproven` : ""}.
          </p>
          <ul className="provenance__problems">
            {check.report.parts
              .filter((p) => p.status === "withheld")
              .map((p) => (
                <li key={`w-${p.subgraph}-${p.path}`} data-testid="provenance-withheld">
                  {title(p.agency)} at <code>{p.path}</code>: not passed, {p.problem} (select the key to prove it).
                </li>
              ))}
            {check.report.failures.slice(0, 5).map((f) => (
              <li key={f} data-testid="provenance-failure">
                {f}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="secondary" data-testid="provenance-save" onClick={save}>
        Save this answer (for npm run verify-response)
      </button>
    </section>
  );
}
