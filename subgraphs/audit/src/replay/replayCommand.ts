/**
 * `npm run audit -- replay <eventId>`: re-decides a recorded event under the policy version that
 * decided it and prints the comparison field by field. Exit status: 0 same decision (or nothing
 * was decided), 4 integrity failure (a decision differs, or the record no longer matches its
 * hash), 3 the policy version cannot be resolved (not stored, or its texts do not rebuild to it),
 * 2 no such event.
 */
import { processEnvironment } from "@hub/kit";
import { withCommandDatabase } from "../commandDatabase";
import { AuditEventRecord } from "../AuditEventRecord.entity";
import { describeReplay } from "./describeReplay";
import { replayEvent, type ReplayOutcome } from "./replayEvent";

export const REPLAY_EXIT = { same: 0, noSuchEvent: 2, unresolved: 3, integrityFailure: 4 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function exitStatusOf(outcome: ReplayOutcome): number {
  if (outcome.kind === "unresolved")
    return outcome.recordIntact ? REPLAY_EXIT.unresolved : REPLAY_EXIT.integrityFailure;
  if (!outcome.recordIntact || outcome.report.status === "different") return REPLAY_EXIT.integrityFailure;
  return REPLAY_EXIT.same;
}

export async function runReplayCommand(argv: string[], env: NodeJS.ProcessEnv = processEnvironment()): Promise<number> {
  const [eventId, ...extra] = argv;
  if (!eventId || extra.length > 0 || !UUID.test(eventId)) {
    throw new Error("usage: npm run audit -- replay <eventId> (the event's UUID)");
  }
  return withCommandDatabase(env, async (db) => {
    const row = await db.getRepository(AuditEventRecord).findOneBy({ id: eventId.toLowerCase() });
    if (!row) {
      process.stdout.write(`no audit event ${eventId}\n`);
      return REPLAY_EXIT.noSuchEvent;
    }
    const outcome = await replayEvent(db, row);
    process.stdout.write(describeReplay(outcome));
    return exitStatusOf(outcome);
  });
}
