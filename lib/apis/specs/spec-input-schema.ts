// The request fields naming a document to import: the text itself, or a URL to fetch.
import { z } from "zod";
import type { SpecSource } from "./spec-source";

/** Hard cap of a request; the workspace setting `import.maxSpecBytes` is usually lower. */
const HARD_MAX_SPEC_CHARS = 200 * 1024 * 1024;

export const specInputFields = {
  spec: z
    .string()
    .min(1)
    .max(HARD_MAX_SPEC_CHARS)
    .optional()
    .describe("OpenAPI 3.0/3.1/3.2 or Swagger 2.0 document, JSON or YAML text (or give specUrl)"),
  specUrl: z
    .string()
    .url()
    .max(2000)
    .optional()
    .describe("http(s) URL the server fetches the document from (size limit, timeout; private addresses only if allowed in settings)"),
};

export const exactlyOneSpec: [(v: { spec?: string; specUrl?: string }) => boolean, { message: string; path: string[] }] = [
  (v) => (v.spec === undefined) !== (v.specUrl === undefined),
  { message: "give exactly one of spec or specUrl", path: ["spec"] },
];

export const specSourceInputSchema = z.object(specInputFields).refine(...exactlyOneSpec);

export function toSpecSource(input: { spec?: string; specUrl?: string }): SpecSource {
  return input.specUrl !== undefined ? { url: input.specUrl } : { text: input.spec ?? "" };
}
