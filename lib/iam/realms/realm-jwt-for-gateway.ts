// An API's stored jwtRequirements as the gateways need them. The gateway contract names issuers
// by URL and JWKS URI only, so a realm binding is resolved here, when the snapshot is built: the
// realm's issuer and its JWKS (which publishes staged keys early), so key rotation needs no
// change to the API or the gateway.
import { readJwtRequirements } from "@/lib/apis/jwt-requirements-schema";
import { issuerOf, jwksUriOf, REALM_DEFAULT_AUDIENCE } from "./issuer-url";

export function gatewayJwtOf(stored: unknown) {
  const jwt = readJwtRequirements(stored);
  if (!jwt || !("realm" in jwt)) return jwt;
  const { realm, audiences, ...checks } = jwt;
  return { ...checks, issuer: issuerOf(realm), jwksUri: jwksUriOf(realm), audiences: audiences ?? [REALM_DEFAULT_AUDIENCE] };
}
