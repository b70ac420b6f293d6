/**
 * The SDMX-ML 3.0 structure message of the profile export: code lists, concept scheme, data
 * structure definition and dataflow. Deterministic (same lists, same bytes), so the committed
 * file can be checked against a fresh build.
 */
import {
  CONCEPT_SCHEME_ID,
  DATAFLOW_ID,
  DSD_ID,
  MEASURE,
  SDMX_AGENCY,
  SDMX_ATTRIBUTES,
  SDMX_DIMENSIONS,
  SDMX_VERSION,
  SDMX_VERSION_PREPARED,
  TIME_DIMENSION,
  type SdmxComponent,
} from "./sdmxStructure";
import { sdmxCodelists, type CodelistSources, type SdmxCodelist } from "./sdmxCodelists";

const NS = {
  mes: "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message",
  str: "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure",
  com: "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common",
};
const ref = `${SDMX_AGENCY}:%s(${SDMX_VERSION})`;
const urn = (kind: string, id: string, item?: string) =>
  `urn:sdmx:org.sdmx.infomodel.${kind}=${ref.replace("%s", id)}${item === undefined ? "" : `.${item}`}`;
const conceptUrn = (id: string) => urn("conceptscheme.Concept", CONCEPT_SCHEME_ID, id);
const codelistUrn = (id: string) => urn("codelist.Codelist", id);

export function buildStructureMessage(sources: CodelistSources): string {
  const codelists = sdmxCodelists(sources);
  const concepts = [...SDMX_DIMENSIONS, TIME_DIMENSION, MEASURE, ...SDMX_ATTRIBUTES];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<mes:Structure xmlns:mes="${NS.mes}" xmlns:str="${NS.str}" xmlns:com="${NS.com}">`,
    `  <mes:Header>`,
    `    <mes:ID>${DSD_ID}_${SDMX_VERSION.replace(".", "_")}</mes:ID>`,
    `    <mes:Test>false</mes:Test>`,
    `    <mes:Prepared>${SDMX_VERSION_PREPARED}</mes:Prepared>`,
    `    <mes:Sender id="${SDMX_AGENCY}"/>`,
    `  </mes:Header>`,
    `  <mes:Structures>`,
    `    <str:Codelists>`,
    ...codelists.flatMap(codelistXml),
    `    </str:Codelists>`,
    `    <str:ConceptSchemes>`,
    `      <str:ConceptScheme ${maintainable("conceptscheme.ConceptScheme", CONCEPT_SCHEME_ID)}>`,
    `        ${name("Concepts of the migration profile")}`,
    ...concepts.map((c) => `        <str:Concept urn="${conceptUrn(c.id)}" id="${c.id}">${name(c.name)}</str:Concept>`),
    `      </str:ConceptScheme>`,
    `    </str:ConceptSchemes>`,
    `    <str:DataStructures>`,
    `      <str:DataStructure ${maintainable("datastructure.DataStructure", DSD_ID)}>`,
    `        ${name("Migration profile")}`,
    `        <str:DataStructureComponents>`,
    `          <str:DimensionList id="DimensionDescriptor">`,
    ...SDMX_DIMENSIONS.flatMap((d, i) => [
      `            <str:Dimension id="${d.id}" position="${i + 1}">`,
      ...represented(d, "              "),
      `            </str:Dimension>`,
    ]),
    `            <str:TimeDimension id="${TIME_DIMENSION.id}">`,
    `              <str:ConceptIdentity>${conceptUrn(TIME_DIMENSION.id)}</str:ConceptIdentity>`,
    `              <str:LocalRepresentation><str:TextFormat textType="ObservationalTimePeriod"/></str:LocalRepresentation>`,
    `            </str:TimeDimension>`,
    `          </str:DimensionList>`,
    `          <str:AttributeList id="AttributeDescriptor">`,
    ...SDMX_ATTRIBUTES.flatMap((a) => [
      `            <str:Attribute id="${a.id}" usage="mandatory">`,
      ...represented(a, "              "),
      `              <str:AttributeRelationship><str:Observation/></str:AttributeRelationship>`,
      `            </str:Attribute>`,
    ]),
    `          </str:AttributeList>`,
    `          <str:MeasureList id="MeasureDescriptor">`,
    // Optional: a suppressed cell is reported without a value.
    `            <str:Measure id="${MEASURE.id}" usage="optional">`,
    `              <str:ConceptIdentity>${conceptUrn(MEASURE.id)}</str:ConceptIdentity>`,
    `              <str:LocalRepresentation><str:TextFormat textType="Integer"/></str:LocalRepresentation>`,
    `            </str:Measure>`,
    `          </str:MeasureList>`,
    `        </str:DataStructureComponents>`,
    `      </str:DataStructure>`,
    `    </str:DataStructures>`,
    `    <str:Dataflows>`,
    `      <str:Dataflow ${maintainable("datastructure.Dataflow", DATAFLOW_ID)}>`,
    `        ${name("Migration profile of the National Statistics Office")}`,
    `        <str:Structure>${urn("datastructure.DataStructure", DSD_ID)}</str:Structure>`,
    `      </str:Dataflow>`,
    `    </str:Dataflows>`,
    `  </mes:Structures>`,
    `</mes:Structure>`,
    "",
  ].join("\n");
}

function codelistXml(list: SdmxCodelist): string[] {
  return [
    `      <str:Codelist ${maintainable("codelist.Codelist", list.id)}>`,
    `        ${name(list.name)}`,
    ...list.codes.map((code) =>
      code.parent === undefined
        ? `        <str:Code id="${escape(code.id)}">${name(code.name)}</str:Code>`
        : `        <str:Code id="${escape(code.id)}">${name(code.name)}<str:Parent>${escape(code.parent)}</str:Parent></str:Code>`,
    ),
    `      </str:Codelist>`,
  ];
}

const maintainable = (kind: string, id: string) =>
  `urn="${urn(kind, id)}" agencyID="${SDMX_AGENCY}" id="${id}" version="${SDMX_VERSION}"`;

const name = (text: string) => `<com:Name xml:lang="en">${escape(text)}</com:Name>`;

const represented = (c: SdmxComponent, indent: string) => [
  `${indent}<str:ConceptIdentity>${conceptUrn(c.id)}</str:ConceptIdentity>`,
  `${indent}<str:LocalRepresentation><str:Enumeration>${codelistUrn(c.codelist)}</str:Enumeration></str:LocalRepresentation>`,
];

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
