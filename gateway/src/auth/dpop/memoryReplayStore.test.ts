import { describe, expect, it } from "@jest/globals";
import { memoryReplayStore } from "./memoryReplayStore";

function clock(start = 1_800_000_000_000) {
  let at = start;
  return { now: () => at, advance: (seconds: number) => (at += seconds * 1000) };
}

describe("memoryReplayStore", () => {
  it("tells a first use from a second, per key", async () => {
    const store = memoryReplayStore({ now: clock().now });
    expect(await store.firstUse("a", 60)).toBe(true);
    expect(await store.firstUse("a", 60)).toBe(false);
    expect(await store.firstUse("b", 60)).toBe(true);
  });

  it("forgets a key once its time to live has passed, and not before", async () => {
    const time = clock();
    const store = memoryReplayStore({ now: time.now });
    await store.firstUse("a", 60);
    time.advance(59);
    expect(await store.firstUse("a", 60)).toBe(false);
    time.advance(1);
    expect(await store.firstUse("a", 60)).toBe(true);
  });

  it("when full of live keys, throws rather than forget one", async () => {
    const time = clock();
    const store = memoryReplayStore({ maxEntries: 2, now: time.now });
    await store.firstUse("a", 60);
    await store.firstUse("b", 60);
    await expect(store.firstUse("c", 60)).rejects.toThrow("full");
    // A key already there is still told apart: that answer needs no room.
    expect(await store.firstUse("a", 60)).toBe(false);
  });

  it("makes room from keys that expired, wherever they are", async () => {
    const time = clock();
    const store = memoryReplayStore({ maxEntries: 2, now: time.now });
    await store.firstUse("long", 600);
    await store.firstUse("short", 10);
    time.advance(11);
    expect(await store.firstUse("c", 60)).toBe(true);
    expect(await store.firstUse("long", 600)).toBe(false);
  });
});
