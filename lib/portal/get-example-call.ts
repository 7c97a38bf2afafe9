// GET /api/v1/apis/{apiId}/example-call - the one curl line the portal shows beside a
// subscription's keys: a real operation of the current revision (a GET without path parameters
// when there is one, so it works as shown), built as the API page's samples are, without
// sending the whole reference (document and every operation's samples) for one line.
import type { Actor } from "@/lib/iam/actor";
import { toApiResource } from "@/lib/apis/api-schemas";
import { getApiOrThrow } from "@/lib/apis/get-api-or-throw";
import { isObject } from "@/lib/apis/specs/resolve-local-pointer";
import { env } from "@/lib/env";
import type { ExampleCall } from "./api-reference-schemas";
import { gatewayAddressOf } from "./gateway-address";
import { codeSamplesFor, sampleLanguages, sampleRequestFor, SUBSCRIPTION_KEY_PLACEHOLDER } from "./operation-samples";

const curl = sampleLanguages.filter((language) => language.id === "curl");

export async function getExampleCall(apiId: string, actor: Actor): Promise<ExampleCall> {
  const api = await getApiOrThrow(apiId, actor);
  const current = api.revisions.find((r) => r.isCurrent);
  const operations = current?.operations ?? [];
  const operation = operations.find((o) => o.method === "GET" && !o.path.includes("{")) ?? operations[0];
  const answer = { apiId: api.id, name: api.name, keyPlaceholder: SUBSCRIPTION_KEY_PLACEHOLDER };
  if (!current || !operation) return { ...answer, operation: null };

  // The samples take the gateway's address from `address`, not from the document's servers.
  const address = gatewayAddressOf(env().GATEWAY_PUBLIC_URL, toApiResource(api));
  const document = isObject(current.spec) ? current.spec : {};
  const request = sampleRequestFor(document, operation, address, { header: api.subscriptionKeyHeader, required: api.subscriptionRequired });
  const [sample] = codeSamplesFor(request, curl);
  return { ...answer, operation: { method: operation.method, path: operation.path, curl: sample.code } };
}
