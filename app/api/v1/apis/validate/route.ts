import { respondWithPhases } from "@/lib/http/phase-stream-response";
import { specSourceInputSchema, toSpecSource } from "@/lib/apis/specs/spec-input-schema";
import { validateApiDefinition } from "@/lib/apis/specs/validate-api-definition";
import { readJson, withAuth } from "@/lib/http/with-auth";

// POST /api/v1/apis/validate - dry-run import {spec | specUrl}: 200 with the lint report, or 422 invalid_spec.
// With `Accept: application/x-ndjson` the phases stream as progress lines first.
export const POST = withAuth(
  async ({ request }) => {
    const input = specSourceInputSchema.parse(await readJson(request));
    return respondWithPhases(request, 200, (onPhase) => validateApiDefinition(toSpecSource(input), { onPhase }));
  },
  { route: "POST /apis/validate" },
);
