// The management API's shapes as the UI consumes them, inferred from the zod schemas the
// server answers and validates with (lib/<context>/*-schemas.ts). Type-only: nothing of the
// server reaches a client bundle. Importers will move to the schema files themselves.
import type { z } from "zod";
import type { apiResourceSchema, createApiInputSchema, operationSchema } from "@/lib/apis/api-schemas";
import type { jwtRequirementsSchema } from "@/lib/apis/jwt-requirements-schema";
import type { ApiLintReport, lintProblemSchema, lintReportSchema, LintSummary } from "@/lib/apis/specs/lint-report-schemas";
import type { diffOperationSchema, operationsDiffSchema } from "@/lib/apis/revisions/revision-schemas";
import type { updateApiInputSchema } from "@/lib/apis/update-api-input";
import type { accessRuleTestInputSchema } from "@/lib/gateway-policy/access-rule-test-schemas";
import type { createVersionSetInputSchema } from "@/lib/apis/version-sets/version-set-schemas";
import type { auditEventPageSchema } from "@/lib/audit/audit-event-schemas";
import type { createAdminApiTokenInputSchema, createdAdminApiTokenSchema } from "@/lib/iam/tokens/token-schemas";
import type { createUserInputSchema, updateUserInputSchema } from "@/lib/iam/users/user-schemas";
import type { listOf } from "@/lib/management-api/common-schemas";
import type { createRealmInputSchema, realmPageSchema } from "@/lib/iam/realms/realm-schemas";
import type { createRealmUserInputSchema, createRoleInputSchema, groupResourceSchema, roleResourceSchema } from "@/lib/iam/realms/realm-directory-schemas";
import type { createClientInputSchema, createdClientSchema, rotatedClientSecretSchema } from "@/lib/iam/realms/realm-client-schemas";
import type { createIdentityProviderInputSchema, updateIdentityProviderInputSchema } from "@/lib/iam/realms/realm-identity-provider-schemas";
import type { createProductInputSchema, quotaSchema, updateProductInputSchema } from "@/lib/products/product-schemas";
import type { createSubscriptionInputSchema } from "@/lib/subscriptions/subscription-schemas";
import type { putOperationPolicyInputSchema } from "@/lib/gateway-policy/operation-policy-schemas";

export type { UserRoleName as UserRole } from "@/lib/iam/roles";
export type { ApiLifecycleName as ApiLifecycle } from "@/lib/apis/lifecycle/api-lifecycles";
export type { ProductStateName as ProductState, QuotaPeriod } from "@/lib/products/product-schemas";
export type { SubscriptionStateName as SubscriptionState } from "@/lib/subscriptions/subscription-schemas";

export type { ApiResource as Api, ImportedApi } from "@/lib/apis/api-schemas";
export type Operation = z.infer<typeof operationSchema>;
export type ApiRevisionSummary = NonNullable<z.infer<typeof apiResourceSchema>["currentRevision"]>;
export type JwtRequirements = z.infer<typeof jwtRequirementsSchema>;
export type ImportApiRequest = z.input<typeof createApiInputSchema>;
export type UpdateApiRequest = z.input<typeof updateApiInputSchema>;

export type { LintRulesetName as LintRuleset } from "@/lib/settings/workspace-settings-schema";
export type LintCounts = LintSummary;
export type LintProblem = z.infer<typeof lintProblemSchema>;
/** GET /apis/{id}/lint (with `revision`), and `lint` of POST /apis/validate (without). */
export type LintReport = z.infer<typeof lintReportSchema> & Partial<Pick<ApiLintReport, "revision">>;
export type { SpecValidation as ValidateApiResult } from "@/lib/apis/specs/lint-report-schemas";
export type { PhaseEvent as ImportPhaseEvent } from "@/lib/apis/specs/import-phases";

export type { RevisionSummary as ApiRevision, CreatedRevision, RevisionDiff } from "@/lib/apis/revisions/revision-schemas";
export type DiffOperation = z.infer<typeof diffOperationSchema>;
export type OperationsDiff = z.infer<typeof operationsDiffSchema>;

export type { VersioningSchemeName as VersioningScheme, VersionSetResource as VersionSet } from "@/lib/apis/version-sets/version-set-schemas";
export type CreateVersionSetRequest = z.input<typeof createVersionSetInputSchema>;

export type { ProductResource as Product } from "@/lib/products/product-schemas";
export type ProductQuota = z.infer<typeof quotaSchema>;
export type CreateProductRequest = z.input<typeof createProductInputSchema>;
export type UpdateProductRequest = z.input<typeof updateProductInputSchema>;

export type { SubscriptionResource as Subscription, SubscriptionDetail, SubscriptionKeys, CreatedSubscription } from "@/lib/subscriptions/subscription-schemas";
export type { LimitUsage, SubscriptionUsage } from "@/lib/subscriptions/subscription-usage-schemas";
export type CreateSubscriptionRequest = z.input<typeof createSubscriptionInputSchema>;

export type { UserResource as ConsoleUser } from "@/lib/iam/users/user-schemas";
export type CreateUserRequest = z.input<typeof createUserInputSchema>;
export type UpdateUserRequest = z.input<typeof updateUserInputSchema>;

export type { AdminApiTokenResource as AdminApiToken } from "@/lib/iam/tokens/token-schemas";
export type CreatedAdminApiToken = z.infer<typeof createdAdminApiTokenSchema>;
export type CreateAdminApiTokenRequest = z.input<typeof createAdminApiTokenInputSchema>;

export type { AuditEventResource as AuditEvent } from "@/lib/audit/audit-event-schemas";
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;

export type { WorkspaceSettings } from "@/lib/settings/workspace-settings-schema";
export type { ConfigDelivery } from "@/lib/config-channel/delivery/config-delivery-schema";
export type { GatewayInstance } from "@/lib/gateways/gateway-schemas";

/** `{items: [...]}`, the answer of the few short lists that do not page (e.g. an API's revisions, gateways). */
export type ListResponse<T> = z.infer<ReturnType<typeof listOf<z.ZodType<T>>>>;
/** `{items, nextCursor}`, one page of a paged list (lib/http/cursor-page.ts). */
export type { Page } from "@/lib/http/cursor-page";

export type { GatewayTlsResource as GatewayTls, GatewayTlsInput } from "@/lib/gateway-tls/gateway-tls-schemas";

export type { RealmResource as Realm } from "@/lib/iam/realms/realm-schemas";
export type RealmPage = z.infer<typeof realmPageSchema>;
export type CreateRealmRequest = z.input<typeof createRealmInputSchema>;
export type CreatedRealm = { id: string; name: string; issuer: string; realm: import("@/lib/iam/realms/realm-schemas").RealmResource };
export type RealmRole = z.infer<typeof roleResourceSchema>;
export type CreateRealmRoleRequest = z.input<typeof createRoleInputSchema>;
export type RealmGroup = z.infer<typeof groupResourceSchema>;
export type { RealmUserResource as RealmUser } from "@/lib/iam/realms/realm-directory-schemas";
export type CreateRealmUserRequest = z.input<typeof createRealmUserInputSchema>;
export type { ClientResource as RealmClient } from "@/lib/iam/realms/realm-client-schemas";
export type CreateRealmClientRequest = z.input<typeof createClientInputSchema>;
export type CreatedRealmClient = z.infer<typeof createdClientSchema>;
export type RotatedClientSecret = z.infer<typeof rotatedClientSecretSchema>;
export type UpdateRealmRequest = z.input<typeof import("@/lib/iam/realms/realm-schemas").updateRealmInputSchema>;
export type CreateRealmGroupRequest = z.input<typeof import("@/lib/iam/realms/realm-directory-schemas").createGroupInputSchema>;
export type UpdateRealmUserRequest = z.input<typeof import("@/lib/iam/realms/realm-directory-schemas").updateRealmUserInputSchema>;
export type UpdateRealmClientRequest = z.input<typeof import("@/lib/iam/realms/realm-client-schemas").updateClientInputSchema>;
export type IssueClientCertificateRequest = z.input<typeof import("@/lib/iam/realms/realm-ca-schemas").issueCertificateInputSchema>;
export type { ClientCertificateResource as RealmClientCertificate, RealmCaResource as RealmCa } from "@/lib/iam/realms/realm-ca-schemas";
export type IssuedClientCertificate = z.infer<typeof import("@/lib/iam/realms/realm-ca-schemas").issuedCertificateSchema>;
export type { SigningKeyResource as RealmSigningKey } from "@/lib/iam/realms/realm-key-schemas";
export type { RealmSessionResource as RealmSession } from "@/lib/iam/realms/sessions/realm-session-schemas";
export type RealmUserLogout = z.infer<typeof import("@/lib/iam/realms/sessions/realm-session-schemas").realmUserLogoutSchema>;
export type {
  IdentityProviderResource as RealmIdentityProvider,
  IdentityProviderTestResult as RealmIdentityProviderTestResult,
  RoleMapping as RealmRoleMapping,
} from "@/lib/iam/realms/realm-identity-provider-schemas";
export type CreateRealmIdentityProviderRequest = z.input<typeof createIdentityProviderInputSchema>;
export type UpdateRealmIdentityProviderRequest = z.input<typeof updateIdentityProviderInputSchema>;
export type { IdentityLinkResource as RealmUserIdentityLink } from "@/lib/iam/realms/broker/identity-link-schemas";

export type { OperationPolicyResource as OperationPolicy } from "@/lib/gateway-policy/operation-policy-schemas";
export type { EffectivePolicyResource as EffectivePolicy } from "@/lib/gateway-policy/effective-policy-schemas";
export type { AccessRuleTestResult } from "@/lib/gateway-policy/access-rule-test-schemas";
export type AccessRuleTestRequest = z.input<typeof accessRuleTestInputSchema>;
export type { AccessRule } from "@portcullis/gateway/contract/access-rules";
export type { ForwardIdentity } from "@portcullis/gateway/contract/forward-identity";
export type PutOperationPolicyRequest = z.input<typeof putOperationPolicyInputSchema>;

/** GET /apis/{id}/reference: the portal's API page. */
export type { ApiReference, ExampleCall as ApiExampleCall } from "@/lib/portal/api-reference-schemas";
