/** Per-request loaders of the audit subgraph, and the process-wide settings its resolvers read. */
import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@hub/kit";
import { loadAgreements, type Agreement } from "@hub/policies";
import { AuditEventRecord } from "./AuditEventRecord.entity";
import { loadAuditJwks, type AuditConfig } from "./loadAuditConfig";
import type { PublicJwks } from "./verifyAuditChain";

/** Loaded on first use, once per process (the public keys at each verification, for key rotation). */
export interface AuditServices {
  agreements: () => ReadonlyMap<string, Agreement>;
  jwks: () => PublicJwks;
}

export function createAuditServices(settings: () => AuditConfig): AuditServices {
  let agreements: ReadonlyMap<string, Agreement> | undefined;
  return {
    agreements: () => (agreements ??= new Map(loadAgreements(settings().agreementsDir).map((a) => [a.id, a]))),
    jwks: () => loadAuditJwks(settings().auditJwksPath),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createLoaders(db: DataSource, services: AuditServices) {
  const events = db.getRepository(AuditEventRecord);
  return {
    services,
    /** Events by id; an id that is not a UUID finds nothing (rather than a database error). */
    eventById: new DataLoader<string, AuditEventRecord | null>(async (ids) => {
      const valid = ids.filter((id) => UUID.test(id));
      const rows =
        valid.length === 0
          ? []
          : await events.createQueryBuilder("e").where("e.id IN (:...valid)", { valid }).getMany();
      const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Context = SubgraphContext<Loaders>;
