// How big and how deep an imported document may be once parsed (YAML aliases expanded).
// The raw size limit is the workspace's import.maxSpecBytes; these bound what a small text
// can turn into, and what the recursive walkers (swagger2openapi, Redocly, our diff) meet.
export const SPEC_LIMITS = {
  /** Levels of objects and arrays, counting the $refs a depth-first walk follows. */
  maxDepth: 256,
  /** Values (objects, arrays, scalars) after YAML aliases are expanded. */
  maxNodes: 5_000_000,
};
