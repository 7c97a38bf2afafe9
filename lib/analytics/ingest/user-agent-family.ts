// The user agent as a family, the only part of the header the ingester keeps: enough to tell
// scripts from browsers from SDKs, too coarse to fingerprint a caller. First match wins, so a
// header that names several products (Edge and headless Chrome also say "Chrome" and "Safari")
// is checked from the most specific family to the least.
const families: ReadonlyArray<readonly [family: string, pattern: RegExp]> = [
  ["Playwright/HeadlessChrome", /\bPlaywright\b|\bHeadlessChrome\//i],
  ["PostmanRuntime", /^PostmanRuntime\//i],
  ["curl", /^curl\//i],
  ["wget", /^Wget\//i],
  ["python-requests", /^python-requests\//i],
  ["Go-http-client", /^Go-http-client\//i],
  ["okhttp", /\bokhttp\//i],
  ["axios", /^axios\//i],
  ["node", /^node(-fetch)?(\/|$)|^undici\b/i],
  ["Java", /^Java\/|^Apache-HttpClient\//i],
  ["Edge", /\bEdg(e|A|iOS)?\//],
  ["Firefox", /\bFirefox\/|\bFxiOS\//],
  ["Chrome", /\bChrome\/|\bCriOS\//],
  ["Safari", /\bSafari\//],
];

export const userAgentFamilies = [...families.map(([family]) => family), "other"] as const;

/** The family of a User-Agent header; null when the request had none. */
export function userAgentFamily(userAgent: string | null): string | null {
  if (userAgent === null || userAgent.trim() === "") return null;
  for (const [family, pattern] of families) if (pattern.test(userAgent)) return family;
  return "other";
}
