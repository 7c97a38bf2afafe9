// Swagger 2.0 -> OpenAPI 3.0 with swagger2openapi (Mermade's converter, used by Redocly and others).
// `resolve: false`: local $refs are rewritten, never fetched; `patch`: fix small errors instead of failing.
import { convertObj } from "swagger2openapi";
import { invalidSpec } from "./invalid-spec";

export async function convertSwagger2(swagger: Record<string, unknown>): Promise<Record<string, unknown>> {
  try {
    const result = await convertObj(swagger as never, { patch: true, warnOnly: true, resolve: false, resolveInternal: false } as never);
    return result.openapi as unknown as Record<string, unknown>;
  } catch (err) {
    const message = (err as Error).message.split("\n")[0] ?? "conversion failed";
    throw invalidSpec("The Swagger 2.0 document cannot be converted to OpenAPI 3", [{ pointer: "#/swagger", message }]);
  }
}
