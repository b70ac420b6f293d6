import { describe, expect, it } from "@jest/globals";
import { personaPrincipal } from "./personas";
import { VerifiedTokenCache } from "./VerifiedTokenCache";

const principal = personaPrincipal("border-officer", "AM");

function clock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe("VerifiedTokenCache", () => {
  it("serves a token's principal until the token's exp, then forgets it", () => {
    const c = clock(1_000_000);
    const cache = new VerifiedTokenCache<typeof principal>({ now: c.now });
    cache.set("token-a", principal, 1_000 + 60); // exp: 60 s from now
    expect(cache.get("token-a")).toEqual(principal);
    c.advance(59_999);
    expect(cache.get("token-a")).toEqual(principal);
    c.advance(1);
    expect(cache.get("token-a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("keys by the exact token: another string is another token", () => {
    const cache = new VerifiedTokenCache<typeof principal>({ now: () => 0 });
    cache.set("token-a", principal, 3600);
    expect(cache.get("token-a ")).toBeUndefined();
    expect(cache.get("TOKEN-A")).toBeUndefined();
  });

  it("keeps no entry longer than its maximum age, whatever exp says", () => {
    const c = clock(0);
    const cache = new VerifiedTokenCache<typeof principal>({ now: c.now, maxAgeMs: 10_000 });
    cache.set("token-a", principal, 86_400);
    c.advance(10_000);
    expect(cache.get("token-a")).toBeUndefined();
  });

  it("does not keep a token without exp or already expired", () => {
    const cache = new VerifiedTokenCache<typeof principal>({ now: () => 5_000_000 });
    cache.set("no-exp", principal, undefined);
    cache.set("expired", principal, 4_999);
    expect(cache.size).toBe(0);
  });

  it("drops the oldest entry when full", () => {
    const cache = new VerifiedTokenCache<typeof principal>({ now: () => 0, maxEntries: 2 });
    cache.set("a", principal, 3600);
    cache.set("b", principal, 3600);
    cache.set("c", principal, 3600);
    expect(cache.size).toBe(2);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("c")).toEqual(principal);
  });

  it("serves a frozen copy, so no request can change what the next one is given", () => {
    const cache = new VerifiedTokenCache<typeof principal>({ now: () => 0 });
    const served = cache.set("a", { ...principal, purposes: ["BORDER_CHECK"] }, 3600);
    expect(Object.isFrozen(served)).toBe(true);
    expect(Object.isFrozen(served.purposes)).toBe(true);
    expect(cache.get("a")).toBe(served);
  });
});
