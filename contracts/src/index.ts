export * from "./vocabulary";
export * from "./principal";
export * from "./errors";
export * from "./parseEnv";
export * from "./audit";
export * from "./keys";
export * from "./refusals";
export * from "./normaliseError";
