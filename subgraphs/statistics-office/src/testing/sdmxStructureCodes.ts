/**
 * Reads an SDMX-ML 3.0 structure message with an XML parser, as a consumer of the export would:
 * for each component of the data structure (dimension or attribute) the codes of its code list.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface StructureCodes {
  /** Dimension ids in position order. */
  dimensions: string[];
  /** Attribute ids in order. */
  attributes: string[];
  /** Codes allowed for each enumerated component, by component id. */
  codes: Map<string, Set<string>>;
  /** Parent of each code that has one, by code list id. */
  parents: Map<string, Map<string, string>>;
}

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];
const child = (node: unknown, name: string): Node => ((node as Node | undefined)?.[name] ?? {}) as Node;

export function readStructureCodes(xml: string): StructureCodes {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml) as Node;
  const structures = child(child(doc, "mes:Structure"), "mes:Structures");
  const codelists = new Map<string, Node>();
  for (const cl of list(child(structures, "str:Codelists")["str:Codelist"])) codelists.set(String(cl["@id"]), cl);
  const dsd = list(child(structures, "str:DataStructures")["str:DataStructure"])[0];
  const components = child(dsd, "str:DataStructureComponents");
  const dimensions = list(child(components, "str:DimensionList")["str:Dimension"]);
  const attributes = list(child(components, "str:AttributeList")["str:Attribute"]);
  const codes = new Map<string, Set<string>>();
  const parents = new Map<string, Map<string, string>>();
  for (const component of [...dimensions, ...attributes]) {
    const enumeration = String(child(component, "str:LocalRepresentation")["str:Enumeration"] ?? "");
    const id = /Codelist=[^:]+:([^(]+)\(/.exec(enumeration)?.[1] ?? "";
    const codelist = codelists.get(id);
    if (!codelist) throw new Error(`${String(component["@id"])} names the code list ${id}, which the message lacks`);
    const items = list(codelist["str:Code"]);
    codes.set(String(component["@id"]), new Set(items.map((c) => String(c["@id"]))));
    parents.set(
      id,
      new Map(
        items.filter((c) => c["str:Parent"] !== undefined).map((c) => [String(c["@id"]), String(c["str:Parent"])]),
      ),
    );
  }
  return {
    dimensions: dimensions.map((d) => String(d["@id"])),
    attributes: attributes.map((a) => String(a["@id"])),
    codes,
    parents,
  };
}
