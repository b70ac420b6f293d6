/** Rejects a table definition that cannot mean what it says, before any count is protected. */
import type { Dimension } from "./TableDefinition";

export function checkDimensions(dimensions: readonly Dimension[]): void {
  const ids = new Set<string>();
  for (const { id, total, codes, lines, strictCodes = [] } of dimensions) {
    if (ids.has(id)) throw new Error(`dimension ${id} is defined twice`);
    ids.add(id);
    if (codes[0] !== total) throw new Error(`dimension ${id} must list its total ${total} first`);
    const known = new Set(codes);
    if (known.size !== codes.length) throw new Error(`dimension ${id} lists a code twice`);
    const mustBeKnown = (code: string) => {
      if (!known.has(code)) throw new Error(`dimension ${id} has no code ${code}`);
    };
    for (const line of lines) {
      mustBeKnown(line.total);
      line.parts.forEach(mustBeKnown);
      if (line.parts.length === 0) throw new Error(`a line of ${id} has no parts`);
      if (new Set(line.parts).size !== line.parts.length || line.parts.includes(line.total)) {
        throw new Error(`a line of ${id} names a code twice`);
      }
    }
    strictCodes.forEach(mustBeKnown);
  }
}
