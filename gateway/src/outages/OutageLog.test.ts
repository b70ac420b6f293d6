import { describe, expect, it } from "@jest/globals";
import { OutageLog } from "./OutageLog";

function recorder() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    warn: (fields: Record<string, unknown>, message: string) => lines.push({ level: "warn", fields, message }),
    info: (fields: Record<string, unknown>, message: string) => lines.push({ level: "info", fields, message }),
  };
  return { lines, log: log as unknown as ConstructorParameters<typeof OutageLog>[0] };
}

describe("OutageLog", () => {
  it("writes the first failure at once, then one line per interval with the count, per subgraph", () => {
    let now = 0;
    const { lines, log } = recorder();
    const outages = new OutageLog(log, 30_000, () => now);
    outages.failed("border-police", "ECONNREFUSED");
    for (let i = 0; i < 500; i += 1) {
      now += 50;
      outages.failed("border-police", "ECONNREFUSED");
    }
    outages.failed("statistics-office", "timeout");
    expect(lines.map((l) => [l.message, l.fields.subgraph, l.fields.failures])).toEqual([
      ["subgraph unavailable", "border-police", undefined],
      ["subgraph unavailable", "statistics-office", undefined],
    ]);
    now += 5_000;
    outages.failed("border-police", "timeout");
    expect(lines[2]).toMatchObject({
      level: "warn",
      message: "subgraph still unavailable",
      fields: { subgraph: "border-police", failures: 501, reason: "timeout" },
    });
  });

  it("says once when a subgraph answers again, and says nothing for one that never failed", () => {
    const { lines, log } = recorder();
    const outages = new OutageLog(log, 30_000, () => 0);
    outages.answered("migration-service");
    outages.failed("border-police", "HTTP 503");
    outages.failed("border-police", "HTTP 503");
    outages.answered("border-police");
    outages.answered("border-police");
    expect(lines.map((l) => l.message)).toEqual(["subgraph unavailable", "subgraph available again"]);
    expect(lines[1]?.fields).toMatchObject({ subgraph: "border-police", failuresSinceLastLine: 1 });
  });
});
