// Fetches a spec from a URL for import: http(s) only, a size limit, an overall timeout,
// redirects followed by hand (each hop re-checked), and no private addresses unless allowed.
import http from "node:http";
import https from "node:https";
import { ApiError } from "@/lib/http/errors";
import { guardedLookup, isPublicAddress, PrivateAddressError } from "./public-address-guard";

export type FetchSpecPolicy = { allowPrivateUrls: boolean; maxSpecBytes: number; fetchTimeoutMs: number };

const MAX_REDIRECTS = 5;

const refuse = (message: string) => new ApiError("unprocessable", message, { problems: [{ pointer: "/specUrl", message }] });

export async function fetchSpecUrl(specUrl: string, policy: FetchSpecPolicy): Promise<string> {
  const deadline = AbortSignal.timeout(policy.fetchTimeoutMs);
  let url = parseHttpUrl(specUrl);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await getOnce(url, policy, deadline);
    if ("text" in answer) return answer.text;
    url = parseHttpUrl(resolveLocation(answer.location, url));
  }
  throw refuse(`Too many redirects fetching ${specUrl}`);
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse(`'${raw}' is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse("Only http and https spec URLs are fetched");
  return url;
}

function getOnce(url: URL, policy: FetchSpecPolicy, signal: AbortSignal): Promise<{ text: string } | { location: string }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Literal IPs skip DNS lookup entirely, so they are checked here.
  if (!policy.allowPrivateUrls && /^[\d.]+$|:/.test(host) && !isPublicAddress(host)) {
    return Promise.reject(refuse(new PrivateAddressError(host, host).message + "; an admin can allow private spec URLs in Settings"));
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      { signal, headers: { accept: "application/json, application/yaml, text/yaml, */*" }, ...(policy.allowPrivateUrls ? {} : { lookup: guardedLookup }) },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ location: response.headers.location });
        }
        if (status < 200 || status >= 300) {
          response.resume();
          return reject(refuse(`Fetching ${url} answered HTTP ${status}`));
        }
        const declared = Number(response.headers["content-length"] ?? 0);
        if (declared > policy.maxSpecBytes) {
          request.destroy();
          return reject(refuse(`The spec at ${url} is larger than ${policy.maxSpecBytes} bytes`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxSpecBytes) {
            request.destroy();
            reject(refuse(`The spec at ${url} is larger than ${policy.maxSpecBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", (err) => reject(toFetchError(err, url, policy)));
      },
    );
    request.on("error", (err) => reject(toFetchError(err, url, policy)));
  });
}

function toFetchError(err: Error, url: URL, policy: FetchSpecPolicy): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof PrivateAddressError) return refuse(`${err.message}; an admin can allow private spec URLs in Settings`);
  if (err.name === "AbortError" || err.name === "TimeoutError") return refuse(`Fetching ${url} timed out after ${policy.fetchTimeoutMs} ms`);
  return refuse(`Could not fetch ${url}: ${err.message}`);
}

/** A redirect's Location, resolved against the URL that sent it; a malformed one is the server's fault, not ours. */
function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).toString();
  } catch {
    throw refuse(`The server answered a redirect to an invalid location: '${location.slice(0, 200)}'`);
  }
}
