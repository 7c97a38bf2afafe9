// react-query cache keys in one place, so a mutation on one page invalidates what
// every other page (and the dashboard) shows.
export const queryKeys = {
  apis: ["apis"] as const,
  api: (id: string) => ["apis", id] as const,
  revisions: (apiId: string) => ["apis", apiId, "revisions"] as const,
  revisionDiff: (apiId: string, number: number) => ["apis", apiId, "revisions", number, "diff"] as const,
  versionSets: ["version-sets"] as const,
  products: ["products"] as const,
  subscriptions: ["subscriptions"] as const,
  subscriptionKeys: (id: string) => ["subscriptions", id, "secrets"] as const,
  users: ["users"] as const,
  tokens: ["tokens"] as const,
  auditEvents: (filters: Record<string, string>) => ["audit-events", filters] as const,
};
