// APIs as the gateways get them, for the whole catalogue (snapshot) or a few ids (delta):
// one mapping, so a delta's api.upserted is exactly what a snapshot would hold.
import type { Prisma } from "@/generated/prisma/client";
import type { DbTransaction } from "@/lib/db";
import type { GatewayVersioning, ScopePolicy } from "@/lib/config-channel/contract";
import { gatewayPathOf } from "@/lib/apis/version-sets/gateway-path";
import { apiTlsForSnapshot, readApiTls } from "@/lib/apis/api-tls-schemas";
import { specsForValidation, withValidation } from "@/lib/gateway-policy/validation-for-snapshot";
import { gatewayJwtOf, realmFederationOf } from "@/lib/iam/realms/realm-jwt-for-gateway";
import { realmCasForSnapshot } from "@/lib/iam/realms/realm-ca";
import { backendsForSnapshot } from "../backends-for-snapshot";

/** Drafts are not callable yet: they stay off the gateway until published. */
export const onGatewayApiWhere = { lifecycle: { not: "DRAFT" } } satisfies Prisma.ApiWhereInput;

/** What request validation needs to know of the products bundling an API (see validation-for-snapshot.ts). */
export type ValidatingProduct = { policy: unknown; apis: { apiId: string }[] };

/** Everything of an API the gateway holds except its operations. */
const apiFieldsInclude = {
  versionSet: true,
} satisfies Prisma.ApiInclude;

const apiInclude = {
  ...apiFieldsInclude,
  operationPolicies: { select: { method: true, path: true, policy: true } },
  // The gateway serves the current revision's operations, nothing else below the path.
  revisions: {
    where: { isCurrent: true },
    select: { operations: { select: { method: true, path: true }, orderBy: [{ path: "asc" }, { method: "asc" }] } },
  },
} satisfies Prisma.ApiInclude;

type ApiFieldsRow = Prisma.ApiGetPayload<{ include: typeof apiFieldsInclude }>;

async function readApis<I extends Prisma.ApiInclude>(tx: DbTransaction, where: Prisma.ApiWhereInput, include: I) {
  return tx.api.findMany({ where: { AND: [where, onGatewayApiWhere] }, orderBy: [{ path: "asc" }, { versionName: "asc" }], include });
}

/**
 * `where` selects among the APIs on the gateway (drafts never match). `defaults` are the
 * workspace's rules; `products` the bundling products when the caller has them all
 * (a snapshot), else the ones bundling these APIs are read.
 */
export async function buildGatewayApis(
  tx: DbTransaction,
  where: Prisma.ApiWhereInput,
  scope: { defaults: ScopePolicy; products?: readonly ValidatingProduct[] },
) {
  const apis = await readApis(tx, where, apiInclude);
  if (apis.length === 0) return [];
  const ids = apis.map((a) => a.id);
  // Of each bundling product only its links to these APIs: a delta's cost follows the APIs it
  // carries, not the size of the products that bundle them.
  const products =
    scope.products ??
    (await tx.product.findMany({
      where: { apis: { some: { apiId: { in: ids } } } },
      select: { policy: true, apis: { where: { apiId: { in: ids } }, select: { apiId: true } } },
    }));
  const validationSpecs = await specsForValidation(tx, apis, products, scope.defaults);
  const toFields = await gatewayApiFieldsMapper(tx, apis);
  return apis.map((api) => ({
    ...toFields(api),
    // An API without a current revision has no operation list: the gateway then forwards everything.
    operations: api.revisions[0]?.operations.map((op) => withValidation(withOperationPolicy(op, api.operationPolicies), validationSpecs.get(api.id))),
  }));
}

/**
 * The APIs as buildGatewayApis gives them, without their operations (api.fieldsReplaced): what a
 * change that leaves the operations alone has to tell the gateways. Neither the operations nor
 * the documents request validation reads are read, so the cost does not follow the API's size.
 */
export async function buildGatewayApiFields(tx: DbTransaction, where: Prisma.ApiWhereInput) {
  const apis = await readApis(tx, where, apiFieldsInclude);
  if (apis.length === 0) return [];
  const toFields = await gatewayApiFieldsMapper(tx, apis);
  return apis.map(toFields);
}

/** Reads what the APIs' JWT and TLS settings refer to (realms), then maps each API's own fields. */
async function gatewayApiFieldsMapper(tx: DbTransaction, apis: readonly ApiFieldsRow[]) {
  const federation = await realmFederationOf(tx, apis);
  // mtls.trustRealmCa: the realm CA's certificate and revoked serials travel with the API.
  const realmCas = await realmCasForSnapshot(tx, apis.map((a) => readApiTls(a.tlsSettings).mtls?.trustRealmCa).filter((r): r is string => Boolean(r)));
  return (api: ApiFieldsRow) => ({
    id: api.id,
    name: api.name,
    path: gatewayPathOf(api, api.versionSet?.scheme),
    lifecycle: api.lifecycle.toLowerCase(),
    sunsetAt: api.sunsetAt?.toISOString() ?? null,
    versioning: headerOrQueryVersioning(api),
    // Weights, health checks, retries, breaker, timeouts, TLS (the client key sealed for the gateways).
    ...backendsForSnapshot(api),
    subscription: {
      required: api.subscriptionRequired,
      header: api.subscriptionKeyHeader,
      query: api.subscriptionKeyQuery,
    },
    // Stored already parsed by jwtRequirementsSchema; a realm binding becomes the realm's issuer and
    // JWKS URI here, plus the realm's identity providers, and the contract validates the result again (fail closed).
    jwt: gatewayJwtOf(api.jwtRequirements, federation),
    allowEncodedSlashes: api.allowEncodedSlashes,
    allowWebSockets: api.allowWebSockets,
    // Stored already parsed by scopePolicySchema; the contract validates it again.
    policy: api.policy ?? undefined,
    tls: apiTlsForSnapshot(api.tlsSettings, realmCas),
  });
}

/** An operation's own rules, matched by method and path template (they outlive revisions). */
function withOperationPolicy(op: { method: string; path: string }, policies: readonly { method: string; path: string; policy: unknown }[]) {
  const own = policies.find((p) => p.method === op.method && p.path === op.path);
  return own ? { ...op, policy: own.policy } : op;
}

/** Header/query version sets share a path and let the gateway pick; the path scheme is folded into `path`. */
function headerOrQueryVersioning(api: {
  versionName: string | null;
  versionSet: { id: string; scheme: "PATH" | "HEADER" | "QUERY"; parameterName: string } | null;
}): GatewayVersioning | undefined {
  const set = api.versionSet;
  if (!set || set.scheme === "PATH" || !api.versionName) return undefined;
  return { versionSetId: set.id, scheme: set.scheme === "HEADER" ? "header" : "query", parameterName: set.parameterName, version: api.versionName };
}
