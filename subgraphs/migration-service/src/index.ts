export { migrationService, entities, migrations } from "./subgraph";
