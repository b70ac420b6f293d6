/**
 * Unknown fields: kubernetes-models' validate() accepts any field it does not know (the Kubernetes
 * schema leaves additionalProperties open), so a typo such as `readinesProbe` would pass and the
 * API server would drop it. This walks each object beside its kubernetes-models interface, read
 * with the TypeScript compiler from the package's own declarations, and names every field the
 * interface does not declare.
 */
import path from "node:path";
import ts from "typescript";
import { isRecord, objectName, type Manifest, type Problem } from "./manifest";
import { fieldOfPath, KUBERNETES_KINDS, type KubernetesKind } from "./kubernetesKinds";

interface Interfaces {
  checker: ts.TypeChecker;
  types: Map<string, ts.Type>;
}

let loaded: Interfaces | undefined;

const keyOf = (k: { apiVersion: string; kind: string }) => `${k.apiVersion}/${k.kind}`;

/** One small program naming every kind's interface; built once per process (about a second). */
function interfaces(): Interfaces {
  if (loaded) return loaded;
  const file = path.join(__dirname, "__kubernetesKinds__.ts");
  const source = KUBERNETES_KINDS.map((k, i) => `import type { I${k.kind} as K${i} } from "${k.module}";`)
    .concat(KUBERNETES_KINDS.map((_, i) => `export declare const k${i}: K${i};`))
    .join("\n");
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    // Only what the declarations need (arrays, records): the full default library triples the load time.
    lib: ["lib.es5.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    path.resolve(name) === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error("cannot read the kubernetes-models declarations");
  const types = new Map<string, ts.Type>();
  KUBERNETES_KINDS.forEach((k, i) => {
    const symbol = checker.getSymbolsInScope(sourceFile, ts.SymbolFlags.Variable).find((s) => s.name === `k${i}`);
    const type = symbol ? checker.getTypeOfSymbolAtLocation(symbol, sourceFile) : undefined;
    if (!type || type.getProperties().length === 0) throw new Error(`kubernetes-models declares no ${k.module}`);
    types.set(keyOf(k), type);
  });
  loaded = { checker, types };
  return loaded;
}

export function unknownFields(m: Manifest, k: KubernetesKind): Problem[] {
  const { checker, types } = interfaces();
  const type = types.get(keyOf(k));
  if (!type) return [];
  const problems: Problem[] = [];
  walk(checker, m, type, [], (field) =>
    problems.push({ object: objectName(m), field, message: "unknown field (not in the Kubernetes schema)" }),
  );
  return problems;
}

function walk(
  checker: ts.TypeChecker,
  value: unknown,
  declared: ts.Type,
  at: (string | number)[],
  report: (field: string) => void,
): void {
  if (value === null || value === undefined) return;
  const type = pick(checker, checker.getNonNullableType(declared), value);
  if (!type) return;
  if (Array.isArray(value)) {
    if (!checker.isArrayType(type)) return;
    const element = checker.getTypeArguments(type as ts.TypeReference)[0];
    if (element) value.forEach((item, i) => walk(checker, item, element, [...at, i], report));
    return;
  }
  if (!isRecord(value)) return;
  const properties = checker.getPropertiesOfType(type);
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (properties.length === 0 && !index) return;
  for (const [key, item] of Object.entries(value)) {
    const property = checker.getPropertyOfType(type, key);
    if (property) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = declaration
        ? checker.getTypeOfSymbolAtLocation(property, declaration)
        : checker.getTypeOfSymbol(property);
      walk(checker, item, propertyType, [...at, key], report);
    } else if (index) {
      walk(checker, item, index.type, [...at, key], report);
    } else {
      report(fieldOfPath([...at, key]));
    }
  }
}

/** Of a union (IntOrString, a field that is an object or a list), the member the value is. */
function pick(checker: ts.TypeChecker, type: ts.Type, value: unknown): ts.Type | undefined {
  if (!type.isUnion()) return type;
  const members = type.types;
  if (Array.isArray(value)) return members.find((t) => checker.isArrayType(t));
  if (isRecord(value)) return members.find((t) => (t.flags & ts.TypeFlags.Object) !== 0 && !checker.isArrayType(t));
  return undefined;
}
