/**
 * The signing keys of one trusted issuer, kept through provider outages and rotations.
 *
 * A key set is fresh for refreshAfterMs; then it is fetched again in the background when a token
 * comes or the status is asked (no timers: nothing keeps the process alive). While fetches fail the
 * last good set is still served, "stale", for staleIfErrorMs more; after that tokens are answered
 * with KeysUnavailable (503). A successful fetch replaces the set entirely, so a key the provider
 * removed is refused from that moment. An unknown kid refreshes at most every unknownKidCooldownMs.
 * With discovery, every fetch reads the discovery document again, so a provider that moves its
 * jwks_uri is followed without a restart (and a changed `issuer` in it is caught at once). A file
 * source is read at start and on refresh() only, and is never stale.
 */
import {
  errors,
  type CompactJWSHeaderParameters,
  type CryptoKey,
  type FlattenedJWSInput,
  type JWTVerifyGetKey,
} from "jose";
import type { Logger } from "pino";
import { FailureStreak } from "./FailureStreak";
import { keyCacheSettings, type KeyCacheSettings, type KeySetStatus, type KeySource } from "./KeyCacheSettings";
import { KeyDistrusted, KeySourceError, KeysUnavailable } from "./keyErrors";
import { buildKeySet, keySetState, staleUntil, type KeySet } from "./KeySet";
import { loadIssuerKeys } from "./loadIssuerKeys";
import { discoveryUrl, providerUrl } from "./providerUrl";

export interface IssuerKeysOptions {
  issuer: string;
  source: KeySource;
  settings?: Partial<KeyCacheSettings>;
  /** The algorithms tokens of this issuer may be signed with; keys for others are ignored. */
  algorithms: string[];
  log: Logger;
  now?: () => number;
  /**
   * Called with the key ids that stop being trusted (removed by the provider or distrusted), so
   * that tokens already verified with them can be forgotten by any cache of verified tokens.
   */
  onKeysRetired?: (kids: string[]) => void;
}

const MAX_KID_CHARS = 256;

export class IssuerKeys {
  readonly getKey: JWTVerifyGetKey;
  readonly #issuer: string;
  readonly #source: KeySource;
  readonly #settings: KeyCacheSettings;
  readonly #algorithms: string[];
  readonly #log: Logger;
  readonly #streak: FailureStreak;
  readonly #now: () => number;
  readonly #onKeysRetired: (kids: string[]) => void;
  readonly #distrusted = new Set<string>();
  #set: KeySet | null = null;
  #lastAttempt: { at: number; ok: boolean } | null = null;
  #lastError: string | null = null;
  #inflight: Promise<void> | null = null;

  constructor(options: IssuerKeysOptions) {
    if (options.algorithms.length === 0) throw new Error(`No algorithms are allowed for issuer ${options.issuer}.`);
    // A URL the hub would refuse to fetch from is a configuration error, told at start.
    if (options.source.kind === "discovery") discoveryUrl(options.issuer);
    if (options.source.kind === "jwks-url") providerUrl(options.source.url.href, "JWKS URL");
    this.#issuer = options.issuer;
    this.#source = options.source;
    this.#settings = keyCacheSettings(options.settings);
    this.#algorithms = [...options.algorithms];
    this.#log = options.log;
    this.#streak = new FailureStreak(options.log, options.issuer);
    this.#now = options.now ?? Date.now;
    this.#onKeysRetired = options.onKeysRetired ?? (() => undefined);
    this.getKey = (header, token) => this.#resolve(header, token);
  }

  /** The first fetch. Never throws: the state says how it went, and later calls keep retrying. */
  async start(): Promise<KeySetStatus> {
    await this.#fetch();
    return this.status();
  }

  /** Fetches now, ignoring cool-downs (the operator's command); concurrent calls share one fetch. */
  async refresh(): Promise<KeySetStatus> {
    await this.#fetch();
    return this.status();
  }

  /** `kid` is never trusted again by this instance, even while the provider still publishes it. */
  distrust(kid: string): void {
    this.setDistrusted([kid]);
  }

  /** Adds persisted distrusted key ids; a distrust is never lifted by this instance. */
  setDistrusted(kids: Iterable<string>): void {
    const added: string[] = [];
    for (const kid of kids) {
      if (typeof kid !== "string" || kid === "" || kid.length > MAX_KID_CHARS) {
        throw new Error(`A key id to distrust must be 1 to ${MAX_KID_CHARS} characters.`);
      }
      if (!this.#distrusted.has(kid)) added.push(kid);
      this.#distrusted.add(kid);
    }
    if (added.length === 0) return;
    if (this.#set !== null) {
      this.#set = buildKeySet(this.#set.published, this.#set.jwksUri, this.#set.fetchedAt, this.#distrusted);
    }
    this.#log.warn({ issuer: this.#issuer, keyIds: added }, "identity provider key ids distrusted");
    this.#retire(added);
  }

  /**
   * Whether a token verified earlier with `kid` may still be believed: the keys are usable, and the
   * key is still published and not distrusted. Cheap (every cached token asks it), and starts a
   * refresh that is due, so keys stay fresh while every token is served from a cache.
   */
  trusts(kid: string | null): boolean {
    const now = this.#now();
    if (this.#due(now)) void this.#fetch();
    const set = this.#set;
    if (set === null || this.#state(now) === "unavailable") return false;
    return kid === null || (set.keyIds.includes(kid) && !this.#distrusted.has(kid));
  }

  status(): KeySetStatus {
    const now = this.#now();
    if (this.#due(now)) void this.#fetch();
    this.#announce(now);
    const set = this.#set;
    return {
      issuer: this.#issuer,
      source: this.#source.kind,
      jwksUri: set?.jwksUri ?? (this.#source.kind === "jwks-url" ? this.#source.url.href : null),
      keyIds: set ? [...set.keyIds] : [],
      distrusted: [...this.#distrusted].sort(),
      fetchedAt: set ? new Date(set.fetchedAt).toISOString() : null,
      lastError: this.#lastError,
      state: this.#state(now),
    };
  }

  async #resolve(header: CompactJWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> {
    if (typeof header.kid === "string" && this.#distrusted.has(header.kid)) throw new KeyDistrusted(header.kid);
    const set = await this.#usableSet();
    try {
      return await set.lookup(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.#source.kind === "file") throw error;
    }
    // An unknown key: perhaps the provider rotated. Ask it, within the cool-down.
    const now = this.#now();
    const since = this.#lastAttempt ? now - this.#lastAttempt.at : Infinity;
    const failing = this.#lastAttempt?.ok === false;
    if (this.#inflight !== null) await this.#inflight;
    else if (
      since >= this.#settings.unknownKidCooldownMs &&
      (!failing || since >= this.#settings.retryAfterFailureMs)
    ) {
      await this.#fetch();
    } else if (!failing) throw new errors.JWKSNoMatchingKey();
    // While the provider cannot be asked, a new key cannot be told from a forged one.
    if (this.#lastAttempt?.ok !== true || this.#set === null) throw this.#unavailable();
    return this.#set.lookup(header, token);
  }

  /** The set to verify with, fetching first when there is none worth using; otherwise KeysUnavailable. */
  async #usableSet(): Promise<KeySet> {
    const now = this.#now();
    if (this.#set !== null && this.#state(now) !== "unavailable") {
      if (this.#due(now)) void this.#fetch();
      return this.#set;
    }
    if (this.#inflight !== null) await this.#inflight;
    else if (this.#due(now)) await this.#fetch();
    const after = this.#now();
    this.#announce(after);
    if (this.#set === null || this.#state(after) === "unavailable") throw this.#unavailable();
    return this.#set;
  }

  #state(now: number): KeySetStatus["state"] {
    return keySetState(this.#set, this.#source.kind, this.#settings, now);
  }

  /** Whether a background or blocking fetch should start now (never for a file: it is read on request). */
  #due(now: number): boolean {
    if (this.#source.kind === "file" || this.#inflight !== null || this.#state(now) === "fresh") return false;
    const last = this.#lastAttempt;
    return last === null || last.ok || now - last.at >= this.#settings.retryAfterFailureMs;
  }

  #fetch(): Promise<void> {
    this.#inflight ??= this.#load().finally(() => {
      this.#inflight = null;
    });
    return this.#inflight;
  }

  /** One fetch; records its outcome and never throws. */
  async #load(): Promise<void> {
    try {
      const loaded = await loadIssuerKeys(this.#issuer, this.#source, this.#algorithms, this.#settings.fetchTimeoutMs);
      this.#replace(buildKeySet(loaded.keys, loaded.jwksUri, this.#now(), this.#distrusted));
    } catch (error) {
      this.#lastAttempt = { at: this.#now(), ok: false };
      this.#lastError =
        error instanceof KeySourceError ? error.message : "The identity provider's keys could not be read.";
      this.#announce(this.#now());
    }
  }

  #replace(next: KeySet): void {
    const previous = this.#set;
    this.#set = next;
    this.#lastAttempt = { at: next.fetchedAt, ok: true };
    this.#lastError = null;
    this.#streak.fetched(next.keyIds, previous?.keyIds ?? null, next.published.length);
    const retired = (previous?.keyIds ?? []).filter((kid) => !next.keyIds.includes(kid));
    if (retired.length > 0) this.#retire(retired);
  }

  /** A listener's fault must not undo a fetch nor a distrust that already took effect. */
  #retire(kids: string[]): void {
    try {
      this.#onKeysRetired(kids);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.#log.error({ issuer: this.#issuer, keyIds: kids, reason }, "retired key ids were not passed on");
    }
  }

  /** Tells the logs of a failure streak; called wherever the state may have worsened. */
  #announce(now: number): void {
    if (this.#lastAttempt?.ok !== false) return;
    const serving = this.#set !== null && this.#state(now) !== "unavailable";
    const until =
      this.#set !== null && this.#source.kind !== "file" ? staleUntil(this.#set, this.#settings) : undefined;
    this.#streak.failing(this.#lastError, serving, until);
  }

  #unavailable(): KeysUnavailable {
    return new KeysUnavailable(
      `The keys of issuer ${this.#issuer} are unavailable: ${this.#lastError ?? "not fetched yet"}`,
    );
  }
}
