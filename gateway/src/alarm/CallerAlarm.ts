/**
 * The anomaly alarm in the pipeline (R7-3): after authenticate, a suspended caller (or a caller
 * of a suspended agency) is refused ACCOUNT_SUSPENDED; after the audit stage, what the audited
 * event disclosed of the counted categories is counted, and a caller beyond a check is suspended:
 * the suspension is stored (audit database) before its audit event is appended, so none is lost.
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { ERROR_CODES, suspensionKey, type AuditSuspension, type SuspensionScope } from "@hub/contracts";
import type { Audited, AuditTrail } from "../audit/auditTrail";
import { newEventId } from "../audit/AuditWriter";
import { type Authenticated, type Refused, refusal } from "../pipeline/stages";
import type { AlarmConfig } from "./alarmConfig";
import type { AlarmCounter, CountTarget } from "./AlarmCounter";
import type { Crossing } from "./alarmWindows";
import type { SuspensionStore } from "./SuspensionStore";
import { ALARM_RULE, suspensionEvent, type SuspendedCaller } from "./suspensionEvent";

export interface CallerAlarm {
  /** The pipeline stage after authenticate: the request goes on, or is refused. */
  check(request: Authenticated): Promise<Authenticated | Refused>;
  /** After the audit stage: counts what the audited event disclosed, and suspends beyond a check. */
  count(audited: Audited): Promise<void>;
}

export interface CallerAlarmDependencies {
  config: AlarmConfig;
  counter: AlarmCounter;
  suspensions: SuspensionStore;
  trail: AuditTrail;
  log: Logger;
  now?: () => number;
}

const SCOPES: readonly SuspensionScope[] = ["SUBJECT", "AGENCY"];

/** A suspension decided but not yet stored (the store failed): refused here, stored at the next try. */
interface Pending {
  suspension: AuditSuspension;
  eventId: string;
  at: number;
  caller: SuspendedCaller;
}

/** Lift times read by the check, for the count of the same request (bounded: a request always reaches the count). */
const EPOCHS_LIMIT = 10_000;

export function createCallerAlarm(deps: CallerAlarmDependencies): CallerAlarm {
  const { config, counter, suspensions, trail, log } = deps;
  const now = deps.now ?? Date.now;
  const epochs = new Map<string, Record<SuspensionScope, number>>();
  const pending = new Map<string, Pending>();
  const keysOf = (agency: string, subject: string): Record<SuspensionScope, string> => ({
    SUBJECT: suspensionKey("SUBJECT", agency, subject),
    AGENCY: suspensionKey("AGENCY", agency, null),
  });

  const suspended = (request: Authenticated, scope: SuspensionScope, suspensionId: string): Refused => {
    const whom = scope === "AGENCY" ? "Every account of your agency is" : "This account is";
    return refusal(
      "limit",
      request,
      "ACCOUNT_SUSPENDED",
      ERROR_CODES.ACCOUNT_SUSPENDED.status,
      `${whom} suspended (${ALARM_RULE.rule}): its reads of special-category and identity data went beyond the hub's alarm. Ask your data-protection officer.`,
      { rule: ALARM_RULE.rule, article: ALARM_RULE.article, reason: ALARM_RULE.reason, scope, suspensionId },
    );
  };

  const record = async (p: Pending) => {
    try {
      await trail.writer.append(
        suspensionEvent(p.suspension, p.eventId, p.caller, { policyVersion: trail.policyVersion, now: p.at }),
      );
    } catch {
      log.error(
        { suspensionId: p.suspension.suspensionId },
        "caller suspended, but its audit event could not be written",
      );
    }
  };

  /** Stores a suspension; false (and kept pending) when the store does not answer. */
  const store = async (key: string, p: Pending): Promise<boolean> => {
    try {
      const inserted = await suspensions.insert(key, p.suspension, p.at, p.eventId);
      pending.delete(key);
      // Not inserted: another gateway suspended the caller first, and audited it.
      if (inserted) {
        const { scope, agency, check, count, limit, windowSeconds, suspensionId } = p.suspension;
        log.warn({ suspensionId, scope, agency, check, count, limit, windowSeconds }, "caller suspended (R7-3)");
        await record(p);
      }
      return true;
    } catch (error) {
      pending.set(key, p);
      log.error({ err: { message: (error as Error).message } }, "suspension not stored yet; refused here meanwhile");
      return false;
    }
  };

  const suspend = async (target: CountTarget, crossing: Crossing, event: Audited["event"], at: number) => {
    const suspension: AuditSuspension = {
      suspensionId: randomUUID(),
      scope: target.scope,
      agency: event.agency ?? "",
      subject: target.scope === "SUBJECT" ? event.subject : null,
      rule: ALARM_RULE.rule,
      article: ALARM_RULE.article,
      ...crossing,
      categories: [...config.categories],
      events: await counter.recent(target, at),
    };
    await store(target.key, {
      suspension,
      eventId: newEventId(),
      at,
      caller: { role: event.role, country: event.country },
    });
  };

  return {
    async check(request) {
      if (config.mode === "off") return request;
      const keys = keysOf(request.principal.agency, request.principal.subject);
      for (const scope of SCOPES) {
        const waiting = pending.get(keys[scope]);
        if (!waiting) continue;
        await store(keys[scope], waiting);
        return suspended(request, scope, waiting.suspension.suspensionId);
      }
      let latest;
      try {
        latest = await suspensions.latest([keys.SUBJECT, keys.AGENCY]);
      } catch {
        // Fail closed: a suspension that cannot be read may be there.
        return refusal(
          "limit",
          request,
          "AUDIT_UNAVAILABLE",
          ERROR_CODES.AUDIT_UNAVAILABLE.status,
          "Suspensions (R7-3) cannot be read from the audit store, so nothing is served; try again shortly.",
        );
      }
      for (const scope of SCOPES) {
        const found = latest.get(keys[scope]);
        if (found && found.liftedAt === null) return suspended(request, scope, found.id);
      }
      if (epochs.size >= EPOCHS_LIMIT) epochs.clear();
      epochs.set(request.requestId, {
        SUBJECT: latest.get(keys.SUBJECT)?.liftedAt ?? 0,
        AGENCY: latest.get(keys.AGENCY)?.liftedAt ?? 0,
      });
      return request;
    },

    async count({ event, durable }) {
      const lifted = epochs.get(event.requestId);
      epochs.delete(event.requestId);
      if (config.mode === "off" || !durable || !lifted) return;
      if (event.outcome !== "ALLOWED" && event.outcome !== "PARTIAL") return;
      if (!event.subject || !event.agency || !event.categories.some((c) => config.categories.includes(c))) return;
      const members = event.disclosedPersonRefs.length > 0 ? event.disclosedPersonRefs : [`event:${event.id}`];
      const at = now();
      const keys = keysOf(event.agency, event.subject);
      await Promise.all(
        SCOPES.map(async (scope) => {
          const target: CountTarget = { scope, key: keys[scope], epoch: lifted[scope] };
          try {
            const { crossing } = await counter.count(target, members, event.id, at);
            if (crossing) await suspend(target, crossing, event, at);
          } catch (error) {
            log.error({ err: { message: (error as Error).message }, scope }, "disclosure not counted by the alarm");
          }
        }),
      );
    },
  };
}
