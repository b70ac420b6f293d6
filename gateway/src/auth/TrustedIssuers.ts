/**
 * The trusted issuers at run time: each one's settings and its key cache (keys/IssuerKeys), found
 * by the exact `iss` of a token. What /readyz reports and what the operator's commands act on.
 */
import type { Logger } from "pino";
import type { IdentityConfig, TrustedIssuerSettings } from "./identityConfig";
import { IssuerKeys, type KeySetStatus } from "./keys";

export interface TrustedIssuer {
  readonly settings: TrustedIssuerSettings;
  readonly keys: IssuerKeys;
}

export class TrustedIssuers {
  private readonly byName = new Map<string, TrustedIssuer>();

  constructor(identity: IdentityConfig, log: Logger, now?: () => number) {
    for (const settings of identity.issuers) {
      const keys = new IssuerKeys({
        issuer: settings.issuer,
        source: settings.keys,
        settings: settings.keyCache,
        algorithms: settings.algorithms,
        log: log.child({ issuer: settings.issuer }),
        ...(now ? { now } : {}),
      });
      this.byName.set(settings.issuer, { settings, keys });
    }
  }

  /** The issuer a token names, if it is trusted; any other value (a non-string included) finds nothing. */
  get(issuer: unknown): TrustedIssuer | undefined {
    return typeof issuer === "string" ? this.byName.get(issuer) : undefined;
  }

  get all(): TrustedIssuer[] {
    return [...this.byName.values()];
  }

  /** First fetch of every issuer's keys; never throws: each status says how it went. */
  start(): Promise<KeySetStatus[]> {
    return Promise.all(this.all.map((i) => i.keys.start()));
  }

  status(): KeySetStatus[] {
    return this.all.map((i) => i.keys.status());
  }

  /** Whether a token verified earlier with this key may still be served from the cache. */
  trusts(issuer: string, keyId: string | null): boolean {
    return this.byName.get(issuer)?.keys.trusts(keyId) ?? false;
  }
}
