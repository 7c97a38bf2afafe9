// Identity forwarding: after a bearer token verifies, the gateway tells the backend who called
// in headers the API names (subject, client, roles), always overwriting what the client sent
// (and removing them when no token verified), so a client can never inject them; and it can
// strip the token's header so the backend never sees the token.
import { z } from "zod";
import { headerNameSchema } from "./request-rules.ts";

const identityHeader = headerNameSchema.refine((name) => name.toLowerCase() !== "authorization", "Authorization carries the token; use stripAuthorization");

export const forwardIdentitySchema = z
  .object({
    subjectHeader: identityHeader.optional().describe("Gets the token's `sub`, e.g. X-User-Id"),
    clientHeader: identityHeader.optional().describe("Gets its `azp` (else `client_id`), e.g. X-Client-Id"),
    rolesHeader: identityHeader.optional().describe("Gets its roles, comma-separated, e.g. X-User-Roles"),
    stripAuthorization: z.boolean().optional().describe("Remove the token's header (Authorization, or the API's tokenHeader) before forwarding"),
  })
  .strict()
  .refine((f) => {
    const names = [f.subjectHeader, f.clientHeader, f.rolesHeader].filter((n) => n !== undefined).map((n) => n.toLowerCase());
    return new Set(names).size === names.length;
  }, "each identity header needs its own name");

export type ForwardIdentity = z.infer<typeof forwardIdentitySchema>;
