/**
 * Decision time of the policy decision point, called in-process on the requests the mix makes
 * the gateway and the subgraphs decide: cached (the same requests again) and uncached (every
 * request distinct, so each is a cache miss evaluated by Cedar).
 */
import { PolicyDecisionPoint, defaultPolicyPaths, type DecisionRequest } from "@hub/policies";
import { repoRoot } from "./benchConfig";
import { principalOf } from "./benchHub";
import { percentiles } from "./statistics";

export interface DecisionTiming {
  samples: number;
  /** Microseconds per decision. */
  p50: number;
  p99: number;
}

export interface DecisionMeasurement {
  requests: number;
  cached: DecisionTiming;
  uncached: DecisionTiming;
}

/** What the gateway decides for the mix (one per selection and owner) and a subgraph per record. */
export function representativeRequests(hubCountry: string, today: string): DecisionRequest[] {
  const officer = { principal: principalOf("border-officer", hubCountry), purpose: "BORDER_CHECK" } as const;
  const statistician = { principal: principalOf("statistician", hubCountry), purpose: "OFFICIAL_STATISTICS" } as const;
  return [
    { ...officer, category: "REFERENCE", owner: "BORDER_POLICE", unkeyedList: true },
    { ...officer, category: "IDENTITY", owner: "MIGRATION_SERVICE" },
    { ...officer, category: "TRAVEL", owner: "BORDER_POLICE" },
    { ...officer, category: "REFERENCE", owner: "STATISTICS_OFFICE" },
    { ...statistician, category: "AGGREGATE", owner: "STATISTICS_OFFICE", unkeyedList: true },
    {
      ...officer,
      category: "IDENTITY",
      owner: "MIGRATION_SERVICE",
      record: { retainUntil: "2031-01-01", subjectMinor: false },
    },
    {
      ...officer,
      category: "TRAVEL",
      owner: "BORDER_POLICE",
      record: { retainUntil: "2030-06-01", subjectMinor: false },
    },
  ].map((r) => ({ ...r, today }) as DecisionRequest);
}

function time(samples: number, decide: (i: number) => void): DecisionTiming {
  const micros = new Array<number>(samples);
  for (let i = 0; i < samples; i += 1) {
    const start = process.hrtime.bigint();
    decide(i);
    micros[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  const p = percentiles(micros, [50, 99]);
  return { samples, p50: p[50], p99: p[99] };
}

export function measureDecisions(hubCountry: string, samples: number): DecisionMeasurement {
  const paths = defaultPolicyPaths(repoRoot);
  const today = new Date().toISOString().slice(0, 10);
  const requests = representativeRequests(hubCountry, today);
  const at = (i: number) => requests[i % requests.length] as DecisionRequest;

  const pdp = PolicyDecisionPoint.load(paths, hubCountry);
  for (const request of requests) pdp.decide(request);
  // Warm the code paths (JIT) before timing either.
  time(2000, (i) => pdp.decide(at(i)));
  const cached = time(samples, (i) => pdp.decide(at(i)));

  // A fresh decision point, and a subject no request repeats: every decision is a miss.
  const fresh = PolicyDecisionPoint.load(paths, hubCountry);
  const distinct = (i: number): DecisionRequest => {
    const request = at(i);
    return { ...request, principal: { ...request.principal, subject: `${request.principal.subject}-${i}` } };
  };
  const missSamples = Math.min(samples, 10_000);
  const inputs = Array.from({ length: missSamples + 500 }, (_, i) => distinct(i));
  time(500, (i) => fresh.decide(inputs[missSamples + i] as DecisionRequest));
  const uncached = time(missSamples, (i) => fresh.decide(inputs[i] as DecisionRequest));
  return { requests: requests.length, cached, uncached };
}
