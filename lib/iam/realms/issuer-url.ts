// Where a realm's issuer lives: on the console's public origin (NEXTAUTH_URL), at Keycloak's
// paths, so clients and gateways configured for Keycloak find it unchanged.
import { env } from "@/lib/env";

export function consoleOrigin(): string {
  return new URL(env().NEXTAUTH_URL).origin;
}

export function issuerOf(realmName: string): string {
  return `${consoleOrigin()}/realms/${realmName}`;
}

export function jwksUriOf(realmName: string): string {
  return `${issuerOf(realmName)}/protocol/openid-connect/certs`;
}

export { REALM_DEFAULT_AUDIENCE } from "./realm-default-audience";
