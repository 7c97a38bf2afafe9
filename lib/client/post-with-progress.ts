// POSTs a (possibly 13 MB) import to the management API with honest progress: the upload's
// bytes from XMLHttpRequest, then each server phase as the server finishes it (NDJSON lines,
// see lib/http/phase-stream-response.ts). fetch() cannot report upload progress.
import { ApiRequestError } from "./api-client";
import type { ImportPhaseEvent } from "@/lib/client/api-types";

export type ImportProgress =
  | { stage: "upload"; sentBytes: number; totalBytes: number }
  | { stage: "server"; phases: ImportPhaseEvent[] };

type FinalLine = { status: number; body: unknown };

export function postWithProgress<T>(url: string, body: unknown, onProgress: (progress: ImportProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const phases: ImportPhaseEvent[] = [];
    let consumed = 0;
    let final: FinalLine | null = null;

    const readLines = () => {
      const text = xhr.responseText;
      let newline = text.indexOf("\n", consumed);
      while (newline !== -1) {
        const line = text.slice(consumed, newline).trim();
        consumed = newline + 1;
        if (line) {
          const parsed = JSON.parse(line) as ImportPhaseEvent | FinalLine;
          if ("phase" in parsed) {
            phases.push(parsed);
            onProgress({ stage: "server", phases: [...phases] });
          } else final = parsed;
        }
        newline = text.indexOf("\n", consumed);
      }
    };

    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress({ stage: "upload", sentBytes: e.loaded, totalBytes: e.total });
    xhr.upload.onload = () => onProgress({ stage: "server", phases: [] });
    xhr.onprogress = readLines;
    xhr.onerror = () => reject(new ApiRequestError(0, "network_error", "The request failed: network error"));
    xhr.onload = () => {
      const isStream = (xhr.getResponseHeader("content-type") ?? "").includes("ndjson");
      if (isStream) readLines();
      const answer: FinalLine = isStream && final ? final : { status: xhr.status, body: safeJson(xhr.responseText) };
      if (answer.status >= 200 && answer.status < 300) return resolve(answer.body as T);
      const { code, message, ...details } = ((answer.body as { error?: Record<string, unknown> })?.error ?? {}) as Record<string, unknown>;
      reject(
        new ApiRequestError(
          answer.status,
          typeof code === "string" ? code : `http_${answer.status}`,
          typeof message === "string" ? message : `Request failed: ${answer.status}`,
          details,
        ),
      );
    };
    xhr.send(JSON.stringify(body));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
