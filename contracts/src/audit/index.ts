export * from "./AuditEvent";
export * from "./chain";
export * from "./auditSchema";
export * from "./checkpoint";
export * from "./ruleIds";
export * from "./authenticationReasons";
export * from "./identityColumns";
export * from "./auditRow";
