// The client address a sign-up or password check is counted against: the login throttle's rule
// (right-most untrusted x-forwarded-for hop, TRUSTED_PROXIES skipped).
import { env } from "@/lib/env";
import { clientAddressFrom, parseTrustedProxies } from "@/lib/iam/login-throttle/client-address";

export function requestClientAddress(request: Request): string {
  return clientAddressFrom(request.headers, parseTrustedProxies(env().TRUSTED_PROXIES));
}
