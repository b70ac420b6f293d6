/**
 * The audit subgraph's one record rule: the whole log is the hub operator's AUDIT data, decided with
 * the same policies as the gateway (RA-1), so a call that reached this subgraph without the right
 * principal and purpose still gets nothing.
 */
import type { Context } from "./loaders";

export function authorise(ctx: Context): void {
  // A denial throws FORBIDDEN; a silent one (R14-3, never AUDIT data) would still serve nothing.
  if (!ctx.guard.field("AUDIT", {})) throw new Error("the audit log is not served to this caller");
}
