/**
 * The audit subgraph's one record rule: the whole log is the hub operator's AUDIT data, decided with
 * the same policies as the gateway (RA-1), so a call that reached this subgraph without the right
 * principal and purpose still gets nothing.
 */
import type { Context } from "./loaders";

export function authorise(ctx: Context): void {
  ctx.guard.field("AUDIT", {});
}
