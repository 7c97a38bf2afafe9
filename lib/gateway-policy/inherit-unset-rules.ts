// On a product's form an empty field means "as the workspace", not
// "off": a saved form must not silently switch off a workspace-wide IP filter
// for the product's subscribers. PATCH cannot remove a key (absent: kept, null:
// off here), so an empty field sends null only when this scope had set the rule
// (the admin cleared it) and nothing otherwise. Browser-safe: the forms use it.
export function inheritUnsetRules<T extends Record<string, unknown>>(read: T, stored: Record<string, unknown>): Partial<T> {
  return Object.fromEntries(
    Object.entries(read).filter(([name, value]) => value !== null || (stored[name] !== undefined && stored[name] !== null)),
  ) as Partial<T>;
}
