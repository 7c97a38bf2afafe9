// Measures a YAML document as it would be once its aliases are expanded, on the parsed nodes and
// before toJS: a 45 KB text with one 20 KB scalar aliased 5,000 times is a 100 MB document to
// everything after the parse (JSON text, lint workers, the stored jsonb). The yaml package's
// maxAliasCount only weighs aliases inside aliases, so it lets that through. Each anchored node
// is measured once (memoised), so this is linear in the text, however explosive the aliases.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { invalidSpec } from "./invalid-spec";
import { SPEC_LIMITS } from "./spec-limits";

type Size = { bytes: number; nodes: number };
type Frame = { node: Node; children: unknown[]; next: number } & Size;

/** About what JSON.stringify writes for a scalar: quotes and a separator. */
const scalarBytes = (value: unknown) => (typeof value === "string" ? value.length : String(value).length) + 3;

function childrenOf(node: unknown): unknown[] | null {
  if (isMap(node)) return node.items.flatMap((pair) => (isPair(pair) ? [pair.key, pair.value] : []));
  if (isSeq(node)) return node.items;
  return null;
}

export function assertYamlExpansionBounded(doc: Document, maxBytes: number): void {
  const anchors = new Map<string, Node>();
  const measured = new Map<Node, Size>();
  const refuse = (message: string) => {
    throw invalidSpec(message, [{ pointer: "", message }]);
  };
  const add = (frame: Size, size: Size) => {
    frame.bytes += size.bytes;
    frame.nodes += size.nodes;
    if (frame.bytes > maxBytes) refuse(`With its YAML aliases expanded, the document is larger than the limit of ${maxBytes} bytes`);
    if (frame.nodes > SPEC_LIMITS.maxNodes) refuse(`With its YAML aliases expanded, the document has more than ${SPEC_LIMITS.maxNodes} values`);
  };

  const root: Size = { bytes: 0, nodes: 0 };
  const stack: Frame[] = [];
  const visit = (child: unknown, parent: Size) => {
    if (isAlias(child)) {
      const target = anchors.get(child.source);
      const size = target === undefined ? undefined : measured.get(target);
      // An anchor still being measured contains its own alias: a cycle no JSON document can hold.
      if (size === undefined) refuse(`The YAML alias *${child.source} refers to a node that contains it`);
      else add(parent, size);
      return;
    }
    if (isScalar(child) || isMap(child) || isSeq(child)) {
      if (child.anchor) anchors.set(child.anchor, child);
      const children = childrenOf(child);
      if (children === null) {
        const size = { bytes: scalarBytes((child as { value: unknown }).value), nodes: 1 };
        measured.set(child, size);
        add(parent, size);
      } else {
        stack.push({ node: child, children, next: 0, bytes: 2, nodes: 1 });
      }
    } else if (child !== null && child !== undefined) {
      add(parent, { bytes: scalarBytes(child), nodes: 1 });
    }
  };

  visit(doc.contents, root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.children.length) {
      visit(frame.children[frame.next++], frame);
      continue;
    }
    stack.pop();
    const size = { bytes: frame.bytes, nodes: frame.nodes };
    measured.set(frame.node, size);
    add(stack.length > 0 ? stack[stack.length - 1] : root, size);
  }
}
