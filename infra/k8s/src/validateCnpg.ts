/** Validates CloudNativePG objects against cnpgSchemas with ajv, naming each field that does not fit. */
import Ajv, { type ValidateFunction } from "ajv";
import { CNPG_SCHEMAS } from "./cnpgSchemas";
import { fieldOfPointer } from "./kubernetesKinds";
import { objectName, type Manifest, type Problem } from "./manifest";

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
  if (validate(m)) return [];
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
