export { borderPolice, entities, migrations } from "./subgraph";
