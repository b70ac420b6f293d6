/**
 * Verifies the audit log (DESIGN §6): re-computes the hash chain over a range, checks that each
 * row's search columns agree with its content, that positions are consecutive, that the chain head
 * names the last event and is signed by the hub's audit key, and that every checkpoint is signed by
 * that key and anchors the hash the event has now. Reads in pages ordered by position, inside one read-only snapshot, so that
 * a million events never load at once and appends running meanwhile do not look like breaks.
 * Used by the `verifyAuditChain` query and by `npm run audit -- verify`.
 */
import type { JsonWebKey } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import {
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  verifyChainHead,
  verifyCheckpoint,
  type AuditEventContent,
} from "@hub/contracts";
import { AuditChainHead } from "./AuditChainHead.entity";
import { AuditCheckpoint } from "./AuditCheckpoint.entity";
import { AuditEventRecord } from "./AuditEventRecord.entity";
import { columnDisagreeing } from "./searchColumns";

export interface PublicJwks {
  keys: (JsonWebKey & { kid?: string })[];
}

export interface VerifyOptions {
  /** Verify the events from this instant on (the chain is taken up from the event just before). */
  from?: Date | null;
  /** Verify the events up to this instant. */
  to?: Date | null;
  /** The public keys of the hub's audit key; read only when a signature is met. */
  loadJwks: () => PublicJwks;
  pageSize?: number;
}

export interface ChainBreakReport {
  seq: number;
  /** The broken event's id; null when the event is missing. */
  id: string | null;
  reason: string;
}

export interface ChainVerificationResult {
  valid: boolean;
  /** Events found intact (before the first break, if any). */
  eventsChecked: number;
  checkpointsChecked: number;
  firstBroken: ChainBreakReport | null;
}

export const VERIFY_PAGE_SIZE = 5000;

interface Position {
  seq: number;
  hash: string;
  id: string | null;
}

const GENESIS: Position = { seq: 0, hash: GENESIS_HASH, id: null };

export async function verifyAuditChain(db: DataSource, options: VerifyOptions): Promise<ChainVerificationResult> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction("REPEATABLE READ");
    await runner.query("SET TRANSACTION READ ONLY");
    return await new ChainVerifier(runner.manager, options).run();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

class ChainVerifier {
  private eventsChecked = 0;
  private checkpointsChecked = 0;
  private jwks: PublicJwks | undefined;

  constructor(
    private readonly db: EntityManager,
    private readonly options: VerifyOptions,
  ) {}

  private events = () => this.db.getRepository(AuditEventRecord).createQueryBuilder("e");

  async run(): Promise<ChainVerificationResult> {
    const { from, to } = this.options;
    const lo = from ? await this.boundary("MIN", "e.occurred_at >= :at", from) : null;
    const hi = to ? await this.boundary("MAX", "e.occurred_at <= :at", to) : null;
    if ((from && lo === null) || (to && hi === null) || (lo !== null && hi !== null && lo > hi)) {
      return this.result(null); // no event in the range
    }
    let last = lo === null ? GENESIS : ((await this.positionBefore(lo)) ?? GENESIS);
    const pageSize = this.options.pageSize ?? VERIFY_PAGE_SIZE;
    let resumeAt: number | null = null;
    for (;;) {
      const query = this.events().orderBy("e.seq", "ASC").addOrderBy("e.occurred_at", "ASC");
      if (lo !== null) query.andWhere("e.seq >= :lo", { lo });
      if (hi !== null) query.andWhere("e.seq <= :hi", { hi });
      // Each page starts again at the last position read, so that a copy of it is not skipped.
      if (resumeAt !== null) query.andWhere("e.seq >= :resumeAt", { resumeAt });
      const rows = await query.limit(pageSize + 1).getMany();
      const repeated = rows.filter((row) => row.seq === resumeAt);
      if (repeated.length > 1) {
        return this.result({ seq: last.seq, id: repeated[1]?.id ?? null, reason: `event ${last.seq} appears twice` });
      }
      const fresh = rows.slice(repeated.length);
      if (fresh.length === 0) break;
      const checkpoints = await this.checkpointsBetween(fresh[0]?.seq ?? 0, fresh.at(-1)?.seq ?? 0);
      for (const row of fresh) {
        const broken = this.checkRow(row, last) ?? this.checkCheckpoint(row, checkpoints.get(row.seq));
        if (broken) return this.result(broken);
        this.eventsChecked += 1;
        last = { seq: row.seq, hash: row.hash, id: row.id };
      }
      resumeAt = last.seq;
      if (rows.length <= pageSize) break;
    }
    const reachesEnd = hi === null || !(await this.anyAfter(hi));
    return this.result(reachesEnd ? await this.checkEnd(last) : null);
  }

  private checkRow(row: AuditEventRecord, previous: Position): ChainBreakReport | null {
    const at = (reason: string): ChainBreakReport => ({ seq: row.seq, id: row.id, reason });
    const expected = previous.seq + 1;
    if (row.seq === previous.seq) return at(`event ${row.seq} appears twice`);
    if (row.seq !== expected) {
      return { seq: expected, id: null, reason: `event ${expected} is missing (found ${row.seq} next)` };
    }
    if (row.prevHash !== previous.hash) return at("does not follow the previous event (previous hash differs)");
    let content: AuditEventContent;
    try {
      content = JSON.parse(row.content) as AuditEventContent;
    } catch {
      return at("content is not valid JSON (altered)");
    }
    // The parsed content as stored, chain fields and all: content that gained a key is altered too.
    if (chainHash(row.prevHash, row.seq, content) !== row.hash) return at("content does not match its hash (altered)");
    if (canonicalJson(content) !== row.content) return at("content is not stored in its canonical form (altered)");
    let column: string | null;
    try {
      column = columnDisagreeing(row, content);
    } catch {
      return at("content is not a well-formed audit event");
    }
    return column ? at(`search column ${column} disagrees with the content (altered)`) : null;
  }

  private checkCheckpoint(row: AuditEventRecord, checkpoint: AuditCheckpoint | undefined): ChainBreakReport | null {
    if (!checkpoint) return null;
    this.checkpointsChecked += 1;
    const at = (reason: string): ChainBreakReport => ({ seq: row.seq, id: row.id, reason });
    if (!verifyCheckpoint(this.publicKeys(), checkpoint)) {
      return at(`checkpoint ${checkpoint.seq} is not signed by the audit key (forged)`);
    }
    if (checkpoint.hash !== row.hash) {
      return at(`checkpoint ${checkpoint.seq} anchors another hash than the event's (the chain was rewritten)`);
    }
    return null;
  }

  /** When the range reaches the end of the log: the head names the last event, no checkpoint lies beyond it. */
  private async checkEnd(last: Position): Promise<ChainBreakReport | null> {
    const head = await this.db.getRepository(AuditChainHead).findOneBy({ id: 1 });
    if (!head) return { seq: last.seq, id: last.id, reason: "the chain head row is missing" };
    if (head.seq > last.seq) {
      return {
        seq: last.seq + 1,
        id: null,
        reason: `event ${last.seq + 1} is missing (the chain head is at ${head.seq})`,
      };
    }
    if (head.seq < last.seq) {
      const beyond = await this.events()
        .where("e.seq = :seq", { seq: head.seq + 1 })
        .limit(1)
        .getOne();
      return { seq: head.seq + 1, id: beyond?.id ?? null, reason: `event ${head.seq + 1} lies beyond the chain head` };
    }
    if (head.hash !== last.hash) {
      return { seq: last.seq, id: last.id, reason: "the chain head's hash differs from the last event's hash" };
    }
    const orphan = await this.db
      .getRepository(AuditCheckpoint)
      .createQueryBuilder("c")
      .where("c.seq > :seq", { seq: last.seq })
      .orderBy("c.seq", "ASC")
      .limit(1)
      .getOne();
    if (orphan) {
      return { seq: orphan.seq, id: null, reason: `checkpoint ${orphan.seq} anchors an event missing from the log` };
    }
    // Signed with every append: a head moved back over deleted newest events carries no valid signature.
    if (head.seq > 0 && !verifyChainHead(this.publicKeys(), head)) {
      return {
        seq: last.seq,
        id: last.id,
        reason: `the chain head (event ${head.seq}) is not signed by the audit key (the newest events may have been cut off)`,
      };
    }
    return null;
  }

  private async boundary(fn: "MIN" | "MAX", condition: string, at: Date): Promise<number | null> {
    const raw = await this.events()
      .select(`${fn}(e.seq)`, "seq")
      .where(condition, { at })
      .getRawOne<{ seq: string | null }>();
    return raw?.seq == null ? null : Number(raw.seq);
  }

  private async positionBefore(seq: number): Promise<Position | null> {
    const row = await this.events().where("e.seq < :seq", { seq }).orderBy("e.seq", "DESC").limit(1).getOne();
    return row ? { seq: row.seq, hash: row.hash, id: row.id } : null;
  }

  private async anyAfter(seq: number): Promise<boolean> {
    return (await this.events().where("e.seq > :seq", { seq }).limit(1).getOne()) !== null;
  }

  private async checkpointsBetween(first: number, last: number): Promise<Map<number, AuditCheckpoint>> {
    const rows = await this.db
      .getRepository(AuditCheckpoint)
      .createQueryBuilder("c")
      .where("c.seq BETWEEN :first AND :last", { first, last })
      .getMany();
    return new Map(rows.map((c) => [c.seq, c]));
  }

  private publicKeys(): PublicJwks {
    this.jwks ??= this.options.loadJwks();
    return this.jwks;
  }

  private result(firstBroken: ChainBreakReport | null): ChainVerificationResult {
    const { eventsChecked, checkpointsChecked } = this;
    return { valid: firstBroken === null, eventsChecked, checkpointsChecked, firstBroken };
  }
}
