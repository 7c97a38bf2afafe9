// A JSON body must say so: text/plain, form and multipart bodies are what a cross-site form or a
// no-cors fetch can send without a preflight, so refusing them closes that door even without cookies.
import { ApiError } from "./errors";

export function isJsonContentType(header: string | null): boolean {
  const mediaType = header?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

export function assertJsonContentType(request: Request): void {
  const header = request.headers.get("content-type");
  if (isJsonContentType(header)) return;
  throw new ApiError("unsupported_media_type", `The request body must be sent as 'Content-Type: application/json'${header ? `, not '${header.slice(0, 100)}'` : ""}`);
}
