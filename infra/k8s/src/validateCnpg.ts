/**
 * Validates CloudNativePG objects against cnpgSchemas with ajv, naming each field that does not
 * fit, and a restore's references that a schema cannot see: the recovery's source is one of the
 * Cluster's externalClusters, and the Cluster never archives its WAL into the server it restores
 * from (a cluster archives only into an empty server, and the old one's archive is the evidence).
 */
import Ajv, { type ValidateFunction } from "ajv";
import { CNPG_SCHEMAS } from "./cnpgSchemas";
import { fieldOfPointer } from "./kubernetesKinds";
import { at, objectName, records, type Manifest, type Problem } from "./manifest";

// strictRequired is off for the if/then of ScheduledBackup, whose `then` requires a field `properties` declares.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const compiled = new Map<string, ValidateFunction>(
  CNPG_SCHEMAS.map((s) => [`${s.apiVersion}/${s.kind}`, ajv.compile(s.schema)]),
);

export function isCnpgKind(m: Manifest): boolean {
  return compiled.has(`${String(m.apiVersion)}/${String(m.kind)}`);
}

export function validateCnpgObject(m: Manifest): Problem[] {
  const validate = compiled.get(`${String(m.apiVersion)}/${String(m.kind)}`);
  if (!validate) return [];
  if (validate(m)) return m.kind === "Cluster" ? restoreProblems(m) : [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === "additionalProperties" ? String(e.params.additionalProperty) : undefined;
    const pointer = extra ? `${e.instancePath}/${extra}` : e.instancePath;
    return {
      object: objectName(m),
      field: fieldOfPointer(pointer),
      message: extra ? "unknown field (not in our CloudNativePG schema)" : (e.message ?? "does not match the schema"),
    };
  });
}

/** The object store and server a plugin entry archives into or reads from (the server defaults to the Cluster's name). */
const archive = (plugin: unknown, cluster: string) =>
  `${String(at(plugin, "parameters", "barmanObjectName"))}/${String(at(plugin, "parameters", "serverName") ?? cluster)}`;

function restoreProblems(m: Manifest): Problem[] {
  const source = at(m, "spec", "bootstrap", "recovery", "source");
  if (typeof source !== "string") return [];
  const externals = records(at(m, "spec", "externalClusters"));
  const index = externals.findIndex((e) => e.name === source);
  const external = externals[index];
  if (!external)
    return [
      {
        object: objectName(m),
        field: "spec.bootstrap.recovery.source",
        message: `${source} is not one of spec.externalClusters`,
      },
    ];
  const plugin = at(external, "plugin");
  if (typeof at(plugin, "parameters", "serverName") !== "string")
    return [
      {
        object: objectName(m),
        field: `spec.externalClusters[${index}].plugin.parameters.serverName`,
        message: "must name the server whose backups are restored",
      },
    ];
  const cluster = String(m.metadata?.name);
  const restored = archive(plugin, cluster);
  return records(at(m, "spec", "plugins")).flatMap((p, i) =>
    p.isWALArchiver === true && archive(p, cluster) === restored
      ? [
          {
            object: objectName(m),
            field: `spec.plugins[${i}].parameters.serverName`,
            message: `archives into ${restored}, the server it restores from: name a new server`,
          },
        ]
      : [],
  );
}
