export { statisticsOffice, entities, migrations } from "./subgraph";
