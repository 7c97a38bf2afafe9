// Where an imported document comes from: text (pasted or uploaded) or a URL we fetch.
import { ApiError } from "@/lib/http/errors";
import { fetchSpecUrl, type FetchSpecPolicy } from "./fetch-spec-url";

export type SpecSource = { text: string } | { url: string };

/** Reads the source as text, enforcing the workspace's size limit on both kinds. */
export async function readSpecSource(source: SpecSource, policy: FetchSpecPolicy): Promise<string> {
  const text = "url" in source ? await fetchSpecUrl(source.url, policy) : source.text;
  // A UTF-16 length is at most the UTF-8 byte length, so the cheap check comes first.
  if (text.length > policy.maxSpecBytes || Buffer.byteLength(text, "utf8") > policy.maxSpecBytes) {
    const message = `The document is larger than the workspace limit of ${policy.maxSpecBytes} bytes`;
    throw new ApiError("unprocessable", message, { problems: [{ pointer: "", message }] });
  }
  if (text.trim() === "") {
    throw new ApiError("invalid_spec", "The document is empty", { problems: [{ pointer: "", message: "empty document" }] });
  }
  return text;
}
