/** Where the `jti` of each accepted DPoP proof is remembered for as long as the proof could be replayed. */

export interface DpopReplayStore {
  /**
   * Records `key` for `ttlSeconds`: true when it was not already recorded (first use), false when it was.
   * Throws when it cannot tell; the caller then refuses the request rather than accepting it unchecked.
   */
  firstUse(key: string, ttlSeconds: number): Promise<boolean>;
}
