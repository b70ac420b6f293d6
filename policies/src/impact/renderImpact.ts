/** The impact preview for a person: totals first, then each group of changed selections with example events. */
import type { ImpactGroup } from "./ImpactReport";
import type { ImpactPreview } from "./previewImpact";

const n = (value: number) => value.toLocaleString("en-GB");
const row = (label: string, value: string) => `  ${label.padEnd(30)}${value}`;

function groupLines(title: string, groups: readonly ImpactGroup[]): string[] {
  if (groups.length === 0) return [];
  const lines = ["", title];
  for (const g of groups) {
    const who = `${g.agency ?? "(no agency)"} for ${g.purpose ?? "(no purpose)"}`;
    const rule = g.change === "newly-denied" ? `denied by ${g.rule}` : `was denied by ${g.rule}`;
    const granted =
      g.grantedBy.length > 0
        ? `; ${g.change === "newly-denied" ? "was granted by" : "granted by"} ${g.grantedBy.join(", ")}`
        : "";
    lines.push(`  ${who}: ${g.category} of ${g.owner}, ${rule}${granted}`);
    lines.push(`    ${n(g.selections)} selections in ${n(g.events)} events: ${g.fields.join(", ")}`);
    lines.push(`    e.g. ${g.examples.join(", ")}`);
  }
  return lines;
}

export function renderImpact(p: ImpactPreview): string {
  const t = p.totals;
  const lines = [
    `Impact of the candidate (${p.candidateReplaces.join(", ")}) on the recorded decisions of the last ${p.window.days} days`,
    `(${p.window.since} to ${p.window.until}); current version ${p.currentVersion.slice(0, 12)}, candidate ${p.candidateVersion.slice(0, 12)}.`,
    "",
    row("events read", `${n(t.eventsRead)} (${n(t.eventsDecided)} with decided selections)`),
    row("selections re-decided", n(t.selections)),
    row("newly denied", n(t.newlyDenied)),
    row("newly allowed", n(t.newlyAllowed)),
    row("events that would change", n(t.eventsChanged)),
    row("same outcome, other basis", n(t.basisChanged)),
  ];
  if (t.recordedDiffers > 0) {
    lines.push(row("recorded otherwise", `${n(t.recordedDiffers)} selections (under another version; not changes)`));
  }
  if (t.eventsNotReplayable > 0) lines.push(row("events not wholly re-decided", n(t.eventsNotReplayable)));
  lines.push(...groupLines("Newly denied", p.newlyDenied), ...groupLines("Newly allowed", p.newlyAllowed));
  if (p.notReplayable.length > 0) {
    lines.push("", "Not re-decided");
    for (const r of p.notReplayable) lines.push(`  ${r.reason}: ${n(r.events)} events, e.g. ${r.examples.join(", ")}`);
  }
  lines.push(
    "",
    t.newlyAllowed + t.newlyDenied === 0
      ? "The candidate changes no recorded decision."
      : "The candidate changes recorded decisions (exit status 3).",
  );
  return lines.join("\n");
}
