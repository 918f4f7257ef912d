import type { Node } from 'commonmark';

/** The kinds of node a CommonMark document contains, to prove no construct was smuggled in. */
export function nodeTypes(node: Node): Set<string> {
  const types = new Set<string>();
  const walker = node.walker();
  for (let event = walker.next(); event; event = walker.next()) if (event.entering) types.add(event.node.type);
  return types;
}
