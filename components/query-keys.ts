// react-query cache keys in one place, so a mutation on one page invalidates what
// every other page (and the dashboard) shows.
export const queryKeys = {
  apis: ["apis"] as const,
  api: (id: string) => ["apis", id] as const,
  products: ["products"] as const,
  subscriptions: ["subscriptions"] as const,
  subscriptionKeys: (id: string) => ["subscriptions", id, "secrets"] as const,
};
