// GET /realms/{realm}/protocol/ca/crl: the realm CA's CRL (RFC 5280, DER, application/pkix-crl),
// signed by the CA and valid for an hour; public like the JWKS, for relying parties outside Portcullis.
import { realmCrl } from "../realm-ca";
import { OAuthError, publicCors } from "./oauth-response";
import { enabledRealm } from "./realm-for-protocol";

export async function handleRealmCrl(realmName: string): Promise<Response> {
  const realm = await enabledRealm(realmName);
  const der = await realmCrl(realm);
  if (!der) throw new OAuthError("not_found", `Realm '${realm.name}' has no certificate authority`, 404);
  return new Response(der, { headers: { "content-type": "application/pkix-crl", "cache-control": "public, max-age=300", ...publicCors } });
}
