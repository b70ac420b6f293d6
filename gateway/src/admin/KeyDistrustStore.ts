/**
 * Key ids an operator distrusted, kept in the audit database so that a distrust survives a
 * restart and reaches every gateway of a deployment: each gateway reads the list at start and
 * again every few seconds, and applies it to its trusted issuers.
 */
import { Pool } from "pg";
import type { Logger } from "pino";
import {
  IDENTITY_KEY_DISTRUST_INSERT_SQL,
  IDENTITY_KEY_DISTRUST_SELECT_SQL,
  type IdentityKeyDistrustRow,
} from "@hub/contracts";
import type { TrustedIssuers } from "../auth/TrustedIssuers";

export interface KeyDistrust {
  issuer: string;
  keyId: string;
  operator: string;
  reason: string;
  eventId: string;
}

/** How often a gateway looks for distrusts made through another gateway. */
export const DISTRUST_POLL_MS = 5000;

export class KeyDistrustStore {
  private readonly pool: Pool;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(
    databaseUrl: string,
    private readonly log: Logger,
    timeoutMs: number,
  ) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: 1,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      application_name: "hub-gateway-key-distrust",
    });
    this.pool.on("error", () => undefined);
  }

  async add(distrust: KeyDistrust): Promise<void> {
    await this.pool.query(IDENTITY_KEY_DISTRUST_INSERT_SQL, [
      distrust.issuer,
      distrust.keyId,
      new Date(),
      distrust.operator,
      distrust.reason,
      distrust.eventId,
    ]);
  }

  /** Reads every distrust and applies it; a store that does not answer keeps what was applied before. */
  async apply(issuers: TrustedIssuers): Promise<void> {
    try {
      const { rows } = await this.pool.query<IdentityKeyDistrustRow>(IDENTITY_KEY_DISTRUST_SELECT_SQL, [
        issuers.all.map((i) => i.settings.issuer),
      ]);
      for (const trusted of issuers.all) {
        trusted.keys.setDistrusted(rows.filter((r) => r.issuer === trusted.settings.issuer).map((r) => r.key_id));
      }
      if (this.failing) this.log.info("distrusted key ids readable again");
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        this.log.warn(
          { err: { message: (error as Error).message } },
          "distrusted key ids cannot be read; keeping the last list",
        );
      }
      this.failing = true;
    }
  }

  /** Applies the list now and every DISTRUST_POLL_MS (a timer that does not keep the process alive). */
  async watch(issuers: TrustedIssuers): Promise<void> {
    await this.apply(issuers);
    this.timer = setInterval(() => void this.apply(issuers), DISTRUST_POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.pool.end().catch(() => undefined);
  }
}
