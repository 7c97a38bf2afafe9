// Honest progress for big imports: when the client sends `Accept: application/x-ndjson`,
// the answer streams one JSON line per finished phase as it happens, then a final line
// `{"status": <http status>, "body": <the usual JSON answer>}`. Other clients get plain JSON.
import { NextResponse } from "next/server";
import type { PhaseListener } from "@/lib/apis/specs/import-phases";
import { logger } from "@/lib/logger";
import { errorBody, toApiError } from "./errors";

export const PROGRESS_CONTENT_TYPE = "application/x-ndjson";

export function wantsProgress(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes(PROGRESS_CONTENT_TYPE);
}

/** Runs `work` with a phase listener; answers JSON, or NDJSON progress if asked for. */
export async function respondWithPhases(
  request: Request,
  status: number,
  work: (onPhase?: PhaseListener) => Promise<unknown>,
): Promise<Response> {
  if (!wantsProgress(request)) return NextResponse.json(await work(), { status });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A client that went away must not abort the import half-way (after the commit, before
      // the gateways hear of it): progress lines to a closed stream are simply dropped.
      const send = (line: unknown) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          /* client disconnected */
        }
      };
      try {
        const body = await work((event) => send(event));
        send({ status, body });
      } catch (err) {
        const apiError = toApiError(err);
        if (apiError.code === "internal_error") logger().error({ err }, "request failed");
        send({ status: apiError.status, body: errorBody(apiError.code, apiError.message, apiError.details) });
      }
      try {
        controller.close();
      } catch {
        /* already closed by a disconnect */
      }
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": PROGRESS_CONTENT_TYPE, "cache-control": "no-store" } });
}
