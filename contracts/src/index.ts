export * from "./vocabulary";
export * from "./principal";
export * from "./errors";
export * from "./parseEnv";
export * from "./audit";
