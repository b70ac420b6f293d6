/** The audit subgraph (hub operator): the audit database, schema and loaders, as the kit runs them. */
import { buildFederatedSchema, type SubgraphDefaults, type SubgraphDefinition, processEnvironment } from "@hub/kit";
import { AuditChainHead } from "./AuditChainHead.entity";
import { AuditCheckpoint } from "./AuditCheckpoint.entity";
import { AuditEventResolver } from "./AuditEvent.resolver";
import { AuditEventConnectionResolver } from "./AuditEventConnection.resolver";
import { AuditEventRecord } from "./AuditEventRecord.entity";
import { AuditExportResolver } from "./AuditExport.resolver";
import { AuditStatisticsResolver } from "./AuditStatistics.resolver";
import { ChainVerificationResolver } from "./ChainVerification.resolver";
import { ensureMonthlyPartitions } from "./ensureMonthlyPartitions";
import { createAuditServices, createLoaders, type Context, type Loaders } from "./loaders";
import { loadAuditConfig, type AuditConfig } from "./loadAuditConfig";
import { CreateAuditSchema1764547200000 } from "./migrations/1764547200000-CreateAuditSchema";
import { SignChainHead1764806400000 } from "./migrations/1764806400000-SignChainHead";
import { RecordCallerIdentity1765065600000 } from "./migrations/1765065600000-RecordCallerIdentity";
import { KeepPolicyVersions1765420000000 } from "./migrations/1765420000000-KeepPolicyVersions";
import { AuditReplayResolver } from "./replay/AuditReplay.resolver";
import { RecordCallerSuspensions1765497642000 } from "./migrations/1765497642000-RecordCallerSuspensions";
import { SuspensionResolver } from "./alarm/Suspension.resolver";
import { SubjectAccessReportResolver } from "./SubjectAccessReport.resolver";

export const auditDefaults: SubgraphDefaults = {
  name: "audit",
  databaseUrlVariable: "AUDIT_DATABASE_URL",
  embeddedDatabaseUrl: "postgres://postgres@127.0.0.1:54304/postgres",
  port: 4004,
};

export const entities = [AuditEventRecord, AuditChainHead, AuditCheckpoint];
export const migrations = [
  CreateAuditSchema1764547200000,
  SignChainHead1764806400000,
  RecordCallerIdentity1765065600000,
  KeepPolicyVersions1765420000000,
  RecordCallerSuspensions1765497642000,
];

export function createAuditSubgraph(env: NodeJS.ProcessEnv = processEnvironment()): SubgraphDefinition<Loaders> {
  let settings: AuditConfig | undefined;
  const services = createAuditServices(() => (settings ??= loadAuditConfig(auditDefaults, env)));
  return {
    defaults: auditDefaults,
    entities,
    migrations,
    createLoaders: (db) => createLoaders(db, services),
    afterMigrations: (db) => ensureMonthlyPartitions(db),
    // Seeding replaces agencies' records; the audit log is history and is never replaced or erased.
    buildSchema: () =>
      buildFederatedSchema<Context>({
        resolvers: [
          AuditEventResolver,
          AuditEventConnectionResolver,
          ChainVerificationResolver,
          SubjectAccessReportResolver,
          AuditExportResolver,
          AuditStatisticsResolver,
          AuditReplayResolver,
          SuspensionResolver,
        ],
        referenceResolvers: {},
      }),
  };
}

export const auditSubgraph = createAuditSubgraph();
