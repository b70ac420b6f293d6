/**
 * A document whose fragments, inlined, repeat a field width^levels times while the document itself
 * stays short and shallow: each fragment spreads the next one `width` times. Tests use it to check
 * that nothing in the gateway walks an operation's fragments once per spread.
 */
export function fragmentBomb(root: string, type: string, leaf: string, width: number, levels: number): string {
  const fragments = Array.from({ length: levels }, (_, level) => {
    const body = level === levels - 1 ? leaf : Array.from({ length: width }, () => `...F${level + 1}`).join(" ");
    return `fragment F${level} on ${type} { ${body} }`;
  });
  return `{ ${root.replace("%", "...F0")} } ${fragments.join(" ")}`;
}
