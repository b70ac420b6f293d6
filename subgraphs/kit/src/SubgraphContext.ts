/** What every resolver of a subgraph receives: the verified hub context and per-request loaders. */
import type { HubContextClaims } from "@hub/contracts";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";

export interface SubgraphContext<TLoaders> {
  /** Principal, purpose and request id, as signed by the gateway. */
  hub: HubContextClaims;
  /** DataLoaders created for this request only, so batching never crosses callers. */
  loaders: TLoaders;
  dataSource: DataSource;
  log: Logger;
}
