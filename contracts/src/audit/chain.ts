/**
 * The hash chain of the audit log: each event's hash covers the previous hash and the event's
 * canonical content, so altering, deleting or reordering any event breaks every hash after it.
 * The one verifier of the chain is the audit subgraph's `verifyAuditChain`.
 */
import { createHash } from "node:crypto";
import type { AuditEvent, AuditEventContent } from "./AuditEvent";

/** JSON with object keys sorted at every level: one text per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The hash of event `seq` with content `content` following `prevHash`. */
export function chainHash(prevHash: string, seq: number, content: AuditEventContent): string {
  return chainHashOfText(prevHash, seq, canonicalJson(content));
}

/** chainHash from the content's canonical JSON, for a writer that serialised it already. */
export const chainHashOfText = (prevHash: string, seq: number, canonicalContent: string) =>
  sha256(`${prevHash}\n${seq}\n${canonicalContent}`);

/** The content part of a stored event (everything but seq, prevHash, hash). */
export function contentOf(event: AuditEvent): AuditEventContent {
  const { seq: _seq, prevHash: _prev, hash: _hash, ...content } = event;
  return content;
}

/** The text a checkpoint signs: the chain position and hash it anchors. */
export const checkpointPayload = (seq: number, hash: string) => `migration-hub-audit-checkpoint\n${seq}\n${hash}`;

/**
 * The text the chain head's signature covers. Its own prefix: a checkpoint's signature (which an
 * attacker can read) must not pass as the head's, or cutting the log back to a checkpoint would.
 */
export const headPayload = (seq: number, hash: string) => `migration-hub-audit-head\n${seq}\n${hash}`;
