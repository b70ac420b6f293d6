import { describe, expect, it } from "@jest/globals";
import { checkReadiness, createReadinessProbe } from "./readiness";

describe("checkReadiness", () => {
  it("is ready when every check passes, naming each with its detail", async () => {
    const result = await checkReadiness({ policies: async () => "v1", keys: async () => undefined }, 500);
    expect(result.status).toBe("ready");
    expect(result.checks.policies).toMatchObject({ ok: true, detail: "v1" });
    expect(result.checks.keys).toMatchObject({ ok: true });
  });

  it("is unavailable when one check fails or hangs past the timeout, and says which", async () => {
    const started = Date.now();
    const result = await checkReadiness(
      {
        database: () => new Promise<string>(() => undefined),
        audit: async () => {
          throw new Error("the audit store does not answer");
        },
        policies: async () => "v1",
      },
      200,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.status).toBe("unavailable");
    expect(result.checks.database).toMatchObject({ ok: false, detail: "timeout after 200 ms" });
    expect(result.checks.audit).toMatchObject({ ok: false, detail: "the audit store does not answer" });
    expect(result.checks.policies?.ok).toBe(true);
  });
});

describe("createReadinessProbe", () => {
  it("runs the checks once for probes that arrive together, reuses the answer briefly, then checks again", async () => {
    let runs = 0;
    const probe = createReadinessProbe(
      {
        database: async () => {
          runs += 1;
          await new Promise((r) => setTimeout(r, 30));
          return "answers";
        },
      },
      1000,
      100,
    );
    const answers = await Promise.all(Array.from({ length: 50 }, () => probe()));
    expect(runs).toBe(1);
    expect(answers.every((a) => a.status === "ready")).toBe(true);
    await probe();
    expect(runs).toBe(1);
    await new Promise((r) => setTimeout(r, 150));
    await probe();
    expect(runs).toBe(2);
  });
});
