/** Where the local hub keeps its state, and how each agency's process is found and reached. */
import path from "node:path";
import { SUBGRAPH_NAMES, type SubgraphName } from "@hub/contracts";

export const repoRoot = path.resolve(__dirname, "../../..");

export interface AgencyProcess {
  name: SubgraphName;
  entry: string;
  port: number;
  embeddedDbPort: number;
  databaseUrlVariable: string;
}

export const AGENCY_PROCESSES: AgencyProcess[] = SUBGRAPH_NAMES.map((name, index) => ({
  name,
  entry: path.join(repoRoot, "subgraphs", name, "dist", "main.js"),
  port: 4001 + index,
  embeddedDbPort: 54301 + index,
  databaseUrlVariable: `${name.toUpperCase().replace(/-/g, "_")}_DATABASE_URL`,
}));

export const gatewayEntry = path.join(repoRoot, "gateway", "dist", "main.js");
