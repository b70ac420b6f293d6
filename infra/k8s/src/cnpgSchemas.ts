/**
 * JSON schemas of the CloudNativePG objects the overlays render, written for the fields we use
 * (no npm package ships CloudNativePG's CRDs). Every object along those paths is closed
 * (additionalProperties: false), so a misspelt or unsupported field is refused rather than
 * silently ignored by the operator. Extend a schema when an overlay starts using a new field.
 */
const name = { type: "string", pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", maxLength: 63 } as const;
const quantity = { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$" } as const;
const labels = { type: "object", additionalProperties: { type: "string" } } as const;
const closed = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  additionalProperties: false,
  properties,
  required,
});

const metadata = closed({ name, namespace: name, labels, annotations: labels }, ["name"]);
const resources = closed({
  requests: closed({ cpu: quantity, memory: quantity }),
  limits: closed({ cpu: quantity, memory: quantity }),
});
const secretKey = closed({ name, key: { type: "string", minLength: 1 } }, ["name", "key"]);
const compression = { enum: ["gzip", "bzip2", "snappy", "lz4", "xz", "zstd"] } as const;
const pluginName = { type: "string", pattern: "^[a-z0-9.-]+$" } as const;

const document = (apiVersion: string, kind: string, spec: Record<string, unknown>) =>
  closed({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, [
    "apiVersion",
    "kind",
    "metadata",
    "spec",
  ]);

/** A plugin as a Cluster names it, for WAL archiving (`plugins`) or as a restore's source (`externalClusters`). */
const pluginConfiguration = closed(
  {
    name: pluginName,
    enabled: { type: "boolean" },
    isWALArchiver: { type: "boolean" },
    parameters: labels,
  },
  ["name"],
);

/**
 * CloudNativePG's RecoveryTarget: at most one of the targets (PostgreSQL's recovery_target_*),
 * `targetTime` an RFC 3339 time; without any, every archived WAL file is replayed.
 */
const targets = ["targetTime", "targetLSN", "targetXID", "targetName", "targetImmediate"];
const recoveryTarget = {
  ...closed({
    backupID: { type: "string", minLength: 1 },
    targetTLI: { type: "string", pattern: "^(latest|current|[0-9]+)$" },
    targetTime: {
      type: "string",
      pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$",
    },
    targetLSN: { type: "string", pattern: "^[0-9A-Fa-f]+/[0-9A-Fa-f]+$" },
    targetXID: { type: "string", pattern: "^[0-9]+$" },
    targetName: { type: "string", minLength: 1 },
    targetImmediate: { type: "boolean" },
    exclusive: { type: "boolean" },
  }),
  not: { anyOf: targets.flatMap((a, i) => targets.slice(i + 1).map((b) => ({ type: "object", required: [a, b] }))) },
};

/** How a new Cluster starts: an empty database (initdb), or a recovery from a backup source. */
const bootstrap = {
  ...closed({
    initdb: closed({ database: name, owner: name }, ["database", "owner"]),
    recovery: closed({ source: name, database: name, owner: name, recoveryTarget }, ["source"]),
  }),
  oneOf: [
    { type: "object", required: ["initdb"] },
    { type: "object", required: ["recovery"] },
  ],
};

/** A restore source: another server's backups and WAL archive, read through a plugin. */
const externalCluster = closed({ name, plugin: pluginConfiguration }, ["name", "plugin"]);

export const CLUSTER_SCHEMA = document(
  "postgresql.cnpg.io/v1",
  "Cluster",
  closed(
    {
      instances: { type: "integer", minimum: 1, maximum: 10 },
      imageName: { type: "string", pattern: "^[^\\s:]+:[^\\s]+$" },
      primaryUpdateStrategy: { enum: ["unsupervised", "supervised"] },
      enableSuperuserAccess: { type: "boolean" },
      bootstrap,
      externalClusters: { type: "array", minItems: 1, items: externalCluster },
      storage: closed({ size: quantity, storageClass: name }, ["size"]),
      resources,
      inheritedMetadata: closed({ labels, annotations: labels }),
      affinity: closed({
        enablePodAntiAffinity: { type: "boolean" },
        topologyKey: { type: "string", minLength: 1 },
        podAntiAffinityType: { enum: ["preferred", "required"] },
      }),
      plugins: { type: "array", items: pluginConfiguration },
    },
    ["instances", "storage", "bootstrap"],
  ),
);

export const SCHEDULED_BACKUP_SCHEMA = document("postgresql.cnpg.io/v1", "ScheduledBackup", {
  ...closed(
    {
      // CloudNativePG's schedules have six fields, seconds first.
      schedule: { type: "string", pattern: "^\\S+( \\S+){5}$" },
      immediate: { type: "boolean" },
      suspend: { type: "boolean" },
      backupOwnerReference: { enum: ["none", "self", "cluster"] },
      cluster: closed({ name }, ["name"]),
      method: { enum: ["barmanObjectStore", "volumeSnapshot", "plugin"] },
      target: { enum: ["primary", "prefer-standby"] },
      pluginConfiguration: closed({ name: pluginName, parameters: labels }, ["name"]),
    },
    ["schedule", "cluster"],
  ),
  if: { type: "object", properties: { method: { const: "plugin" } }, required: ["method"] },
  then: { required: ["pluginConfiguration"] },
});

export const OBJECT_STORE_SCHEMA = document(
  "barmancloud.cnpg.io/v1",
  "ObjectStore",
  closed(
    {
      retentionPolicy: { type: "string", pattern: "^[1-9][0-9]*[dwm]$" },
      configuration: closed(
        {
          destinationPath: { type: "string", pattern: "^(s3|gs|https?)://\\S+$" },
          endpointURL: { type: "string", pattern: "^https?://\\S+$" },
          s3Credentials: closed({ accessKeyId: secretKey, secretAccessKey: secretKey, region: secretKey }, [
            "accessKeyId",
            "secretAccessKey",
          ]),
          wal: closed({ compression, maxParallel: { type: "integer", minimum: 1 } }),
          data: closed({ compression, jobs: { type: "integer", minimum: 1 } }),
        },
        ["destinationPath"],
      ),
    },
    ["configuration"],
  ),
);

export const CNPG_SCHEMAS: readonly { apiVersion: string; kind: string; schema: object }[] = [
  { apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", schema: CLUSTER_SCHEMA },
  { apiVersion: "postgresql.cnpg.io/v1", kind: "ScheduledBackup", schema: SCHEDULED_BACKUP_SCHEMA },
  { apiVersion: "barmancloud.cnpg.io/v1", kind: "ObjectStore", schema: OBJECT_STORE_SCHEMA },
];
