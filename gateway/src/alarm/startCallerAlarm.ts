/**
 * Builds the gateway's anomaly alarm (R7-3) from its configuration: counters in Redis when the
 * gateway has a Redis connection (REDIS_URL, shared with the rate limits), else in its memory;
 * suspensions always in the audit database, where every gateway and the audit subgraph see them.
 */
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AuditTrail } from "../audit/auditTrail";
import type { GatewayConfig } from "../config";
import { AlarmCounter } from "./AlarmCounter";
import { createCallerAlarm, type CallerAlarm } from "./CallerAlarm";
import { memoryCounterStore } from "./CounterStore";
import { redisCounterStore } from "./RedisCounterStore";
import { pgSuspensionStore } from "./SuspensionStore";

export interface StartedAlarm {
  alarm: CallerAlarm;
  stop: () => Promise<void>;
}

export function startCallerAlarm(
  config: GatewayConfig,
  trail: AuditTrail,
  redis: Redis | undefined,
  log: Logger,
): StartedAlarm {
  const counters = redis ? redisCounterStore(redis, log) : memoryCounterStore();
  const suspensions = pgSuspensionStore(config.audit.databaseUrl, config.audit.statementTimeoutMs);
  if (config.alarm.mode === "on") log.info({ counters: counters.kind }, "anomaly alarm on (R7-3)");
  else log.warn("anomaly alarm off (HUB_ALARM=off): disclosures are not counted and suspensions are not enforced");
  const alarm = createCallerAlarm({
    config: config.alarm,
    counter: new AlarmCounter(config.alarm, counters),
    suspensions,
    trail,
    log,
  });
  return { alarm, stop: () => suspensions.stop() };
}
