// The version of a product's terms the developer read (SHA-256 hex of the text, as
// lib/subscriptions/terms-version.ts computes it), sent with the subscription so terms that
// changed meanwhile are refused instead of silently accepted. Web Crypto exists only in secure
// contexts (https, localhost): elsewhere the version is left out and the server records the
// text it holds.
export async function termsVersionOf(terms: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest("SHA-256", new TextEncoder().encode(terms));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
