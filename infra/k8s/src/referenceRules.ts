/**
 * References between objects: every Secret and ConfigMap a pod or a CloudNativePG object names is
 * rendered by the overlay or documented as created by the operator, with the key asked for; every
 * variable naming a key file points at a file of a read-only volume mounted in the container.
 */
import path from "node:path";
import { at, is, isRecord, nameOf, objectName, records, type Manifest, type Problem } from "./manifest";
import { fieldOfPath } from "./kubernetesKinds";
import { CNPG_APP_SECRET_KEYS, FILE_VARIABLES, OPERATOR_SECRETS } from "./operatorObjects";
import { isCluster, isDeployment } from "./podModel";

type Kind = "Secret" | "ConfigMap";

/** The keys each Secret and ConfigMap of the overlay (or the operator) holds, by kind and name. */
function knownKeys(objects: readonly Manifest[]): Map<string, readonly string[]> {
  const keys = new Map<string, readonly string[]>();
  for (const [name, list] of Object.entries(OPERATOR_SECRETS)) keys.set(`Secret/${name}`, list);
  for (const m of objects) {
    if (isCluster(m)) keys.set(`Secret/${nameOf(m)}-app`, CNPG_APP_SECRET_KEYS);
    if (is(m, "v1", "Secret") || is(m, "v1", "ConfigMap")) {
      const data = [m.data, m.stringData, m.binaryData].flatMap((d) => (isRecord(d) ? Object.keys(d) : []));
      keys.set(`${String(m.kind)}/${nameOf(m)}`, data);
    }
  }
  return keys;
}

export function checkReferences(objects: readonly Manifest[]): Problem[] {
  const keys = knownKeys(objects);
  const problems: Problem[] = [];
  const check = (m: Manifest, field: (string | number)[], kind: Kind, name: unknown, key?: unknown) => {
    const known = keys.get(`${kind}/${String(name)}`);
    const report = (message: string) => problems.push({ object: objectName(m), field: fieldOfPath(field), message });
    if (!known)
      report(`${kind} ${String(name)} is neither rendered by the overlay nor created by the operator (README.md)`);
    else if (key !== undefined && !known.includes(String(key)))
      report(`${kind} ${String(name)} has no key ${String(key)}`);
  };
  for (const m of objects) {
    if (isDeployment(m)) checkPod(m, check, keys, problems);
    if (is(m, "barmancloud.cnpg.io/v1", "ObjectStore")) {
      const credentials = at(m, "spec", "configuration", "s3Credentials");
      if (isRecord(credentials))
        for (const [field, ref] of Object.entries(credentials))
          if (isRecord(ref)) check(m, ["spec", "configuration", "s3Credentials", field], "Secret", ref.name, ref.key);
    }
  }
  return problems;
}

type Check = (m: Manifest, field: (string | number)[], kind: Kind, name: unknown, key?: unknown) => void;

function checkPod(m: Manifest, check: Check, keys: Map<string, readonly string[]>, problems: Problem[]): void {
  const base = ["spec", "template", "spec"];
  const pod = at(m, ...base);
  const volumes = records(at(pod, "volumes"));
  volumes.forEach((v, i) => {
    const field = [...base, "volumes", i];
    if (isRecord(v.secret)) {
      check(m, [...field, "secret", "secretName"], "Secret", v.secret.secretName);
      records(v.secret.items).forEach((item, j) =>
        check(
          m,
          [...field, "secret", "items", j],
          "Secret",
          v.secret && (v.secret as Record<string, unknown>).secretName,
          item.key,
        ),
      );
      checkMode(m, [...field, "secret", "defaultMode"], v.secret.defaultMode, problems);
    }
    if (isRecord(v.configMap)) check(m, [...field, "configMap", "name"], "ConfigMap", v.configMap.name);
    if (isRecord(v.projected)) {
      checkMode(m, [...field, "projected", "defaultMode"], v.projected.defaultMode, problems);
      records(v.projected.sources).forEach((s, j) => {
        for (const kind of ["Secret", "ConfigMap"] as const) {
          const source = s[kind === "Secret" ? "secret" : "configMap"];
          if (!isRecord(source)) continue;
          const sourceField = [...field, "projected", "sources", j, kind === "Secret" ? "secret" : "configMap"];
          check(m, [...sourceField, "name"], kind, source.name);
          records(source.items).forEach((item, k) =>
            check(m, [...sourceField, "items", k, "key"], kind, source.name, item.key),
          );
        }
      });
    }
  });
  records(at(pod, "containers"))
    .concat(records(at(pod, "initContainers")))
    .forEach((c, ci) => {
      const cField = [...base, "containers", ci];
      records(c.env).forEach((e, ei) => {
        const field = [...cField, "env", ei];
        const secret = at(e, "valueFrom", "secretKeyRef");
        if (isRecord(secret)) check(m, [...field, "valueFrom", "secretKeyRef"], "Secret", secret.name, secret.key);
        const config = at(e, "valueFrom", "configMapKeyRef");
        if (isRecord(config))
          check(m, [...field, "valueFrom", "configMapKeyRef"], "ConfigMap", config.name, config.key);
        if (
          typeof e.name === "string" &&
          FILE_VARIABLES.has(e.name) &&
          typeof e.value === "string" &&
          !/^https:\/\//.test(e.value)
        )
          checkFile(m, field, e.name, e.value, c, volumes, keys, problems);
      });
      records(c.envFrom).forEach((e, ei) => {
        if (isRecord(e.secretRef)) check(m, [...cField, "envFrom", ei, "secretRef"], "Secret", e.secretRef.name);
        if (isRecord(e.configMapRef))
          check(m, [...cField, "envFrom", ei, "configMapRef"], "ConfigMap", e.configMapRef.name);
      });
    });
}

/** Key files are readable by the owner and the group at most: no write, no execute, nothing for others. */
function checkMode(m: Manifest, field: (string | number)[], mode: unknown, problems: Problem[]): void {
  if (typeof mode !== "number" || (mode & 0o337) !== 0)
    problems.push({
      object: objectName(m),
      field: fieldOfPath(field),
      message: `must be 0440 or stricter, not ${typeof mode === "number" ? "0" + mode.toString(8) : "the default 0644"}`,
    });
}

/** The file names a volume provides, or undefined when they cannot be known. */
function filesOf(volume: Record<string, unknown>, keys: Map<string, readonly string[]>): readonly string[] | undefined {
  const fromSource = (kind: Kind, source: unknown): readonly string[] | undefined => {
    if (!isRecord(source)) return [];
    const items = records(source.items);
    if (items.length > 0) return items.map((i) => String(i.path));
    return keys.get(`${kind}/${String(kind === "Secret" && "secretName" in source ? source.secretName : source.name)}`);
  };
  if (volume.secret !== undefined) return fromSource("Secret", volume.secret);
  if (volume.configMap !== undefined) return fromSource("ConfigMap", volume.configMap);
  if (isRecord(volume.projected)) {
    const all = records(volume.projected.sources).map((s) =>
      s.secret !== undefined
        ? fromSource("Secret", s.secret)
        : s.configMap !== undefined
          ? fromSource("ConfigMap", s.configMap)
          : undefined,
    );
    return all.some((a) => a === undefined) ? undefined : (all.flat() as string[]);
  }
  return [];
}

function checkFile(
  m: Manifest,
  field: (string | number)[],
  variable: string,
  file: string,
  container: Record<string, unknown>,
  volumes: Record<string, unknown>[],
  keys: Map<string, readonly string[]>,
  problems: Problem[],
): void {
  const report = (message: string): void => {
    problems.push({
      object: objectName(m),
      field: fieldOfPath([...field, "value"]),
      message: `${variable}: ${message}`,
    });
  };
  if (!path.posix.isAbsolute(file) || path.posix.normalize(file) !== file)
    return report(`${file} must be a normalised absolute path`);
  const mount = records(container.volumeMounts).find(
    (vm) => typeof vm.mountPath === "string" && file.startsWith(vm.mountPath.replace(/\/$/, "") + "/"),
  );
  if (!mount) return report(`${file} is not inside a volume mounted in the container`);
  if (mount.readOnly !== true) report(`${file} is on volume ${String(mount.name)}, which must be mounted readOnly`);
  const volume = volumes.find((v) => v.name === mount.name);
  if (!volume) return report(`volume ${String(mount.name)} is not declared`);
  const files = filesOf(volume, keys);
  const relative = path.posix.relative(String(mount.mountPath), file);
  if (files && !files.includes(relative)) report(`${file}: volume ${String(mount.name)} has no file ${relative}`);
}
