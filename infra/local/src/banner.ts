/** What `npm start` prints once the hub is up: where things are and a first query to paste. */
import { PERSONA_NAMES } from "@hub/gateway";
import type { SeedMarker, AgencyDatabase } from "./databases";

export interface BannerInput {
  gatewayUrl: string;
  subgraphs: { name: string; url: string }[];
  databases: AgencyDatabase[];
  dataRoot: string;
  marker: SeedMarker;
  /** A persona token of the development issuer; null outside demo mode, where it is not trusted. */
  token: string | null;
}

export function firstQuery(personRef: string): string {
  return `{ person(personRef: "${personRef}") { givenName familyName citizenships { code name } hasValidPermit crossings(first: 3) { direction crossedAt crossingPoint { name } } } }`;
}

export function renderBanner(input: BannerInput): string {
  const body = JSON.stringify({ query: firstQuery(input.marker.samplePersonRef) });
  const authorization = input.token ?? "<an access token of your identity provider (docs/identity.md)>";
  const embedded = input.databases.every((d) => d.embedded);
  return [
    "",
    "Migration Data Exchange Hub is running.",
    "",
    `  Gateway      ${input.gatewayUrl}`,
    `  Explorer     ${input.gatewayUrl.replace(/\/graphql$/, "/explorer/")}  (open in a browser, sign in as a demo persona)`,
    `  Profile      ${input.gatewayUrl.replace(/\/graphql$/, "/report/")}  (the migration profile, as the statistician persona)`,
    ...input.subgraphs.map((s) => `  ${s.name.padEnd(18)} ${s.url}  (answers the gateway only)`),
    `  Data         ${embedded ? `embedded PostgreSQL in ${input.dataRoot}` : "the PostgreSQL databases in your *_DATABASE_URL variables"}, ${input.marker.persons} synthetic persons`,
    "",
    input.token
      ? "A first federated query (Migration Service + Border Police + Statistics Office), as the border-officer persona:"
      : "Demo mode is off: the persona sign-in and the development issuer are not trusted. A first federated query:",
    "",
    `curl -s ${input.gatewayUrl} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'X-Purpose: BORDER_CHECK' \\`,
    `  -H 'Authorization: Bearer ${authorization}' \\`,
    `  --data '${body}'`,
    "",
    "Other personas: npm run token -- --persona NAME",
    ...wrap(`(${PERSONA_NAMES.join(", ")};`, 96).map((line) => `  ${line}`),
    "  --country XX moves a domestic persona abroad, where it keeps none of its agency's agreements)",
    "A service that exits is restarted (at most 3 times a minute). Stop with Ctrl-C (twice: at once).",
    "Data stays in the state folder; delete it to start afresh.",
    "",
  ].join("\n");
}

/** Words of a line in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
