/** What every resolver of a subgraph receives: the verified hub context and per-request loaders. */
import type { HubContextRequestClaims } from "@hub/contracts";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { RecordGuard } from "./RecordGuard";

export interface SubgraphContext<TLoaders> {
  /** Principal, purpose and request id, as signed by the gateway. */
  hub: HubContextRequestClaims;
  /** The hash of the operation the hub-context token was signed for: provenance signatures name it. */
  op: string;
  /** DataLoaders created for this request only, so batching never crosses callers. */
  loaders: TLoaders;
  dataSource: DataSource;
  log: Logger;
  /** Decides each record (and special-category field of a record) before it is returned. */
  guard: RecordGuard;
}
