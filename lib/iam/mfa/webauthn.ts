// Passkeys (WebAuthn, @simplewebauthn/server). The relying party is the console: its ID is
// NEXTAUTH_URL's host name and only the console's origins are accepted, so a credential made here
// works nowhere else. Challenges live in Redis for five minutes and are taken once (GETDEL).
// First: @simplewebauthn/server pulls in @peculiar/x509 (tsyringe), which needs the polyfill
// loaded before it; in Next's server bundle its own import of it may come too late.
import "reflect-metadata";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consoleOrigins } from "@/lib/http/console-origins";
import { redis } from "@/lib/redis";
import { ownerKey, ownerWhere, type MfaOwner } from "./mfa-owner";

const CHALLENGE_TTL_SECONDS = 300;

const rpId = () => new URL(env().NEXTAUTH_URL).hostname;
const challengeKey = (purpose: "register" | "authenticate", owner: MfaOwner) =>
  `${env().CONFIG_CHANNEL_PREFIX}:mfa:webauthn:${purpose}:${ownerKey(owner)}`;

async function takeChallenge(purpose: "register" | "authenticate", owner: MfaOwner): Promise<string | null> {
  return redis().getdel(challengeKey(purpose, owner));
}

async function passkeysOf(owner: MfaOwner) {
  return db().mfaFactor.findMany({ where: { ...ownerWhere(owner), type: "WEBAUTHN", confirmedAt: { not: null } } });
}

const transportsOf = (factor: { transports: string[] }) => factor.transports as AuthenticatorTransportFuture[];
type AuthenticatorTransportFuture = NonNullable<RegistrationResponseJSON["response"]["transports"]>[number];

/** `rpName`: what the authenticator shows (a realm's display name for its users; the RP id stays the console's). */
export async function passkeyRegistrationOptions(owner: MfaOwner, account: { name: string; displayName: string; rpName?: string }) {
  const existing = await passkeysOf(owner);
  const options = await generateRegistrationOptions({
    rpName: account.rpName ?? "Portcullis",
    rpID: rpId(),
    userName: account.name,
    userDisplayName: account.displayName,
    attestationType: "none",
    excludeCredentials: existing.map((f) => ({ id: f.credentialId!, transports: transportsOf(f) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await redis().set(challengeKey("register", owner), options.challenge, "EX", CHALLENGE_TTL_SECONDS);
  return options;
}

/** Verifies a registration against the pending challenge; stores the passkey (confirmed) and answers its id. */
export async function registerPasskey(owner: MfaOwner, response: RegistrationResponseJSON, label: string): Promise<string | null> {
  const challenge = await takeChallenge("register", owner);
  if (!challenge) return null;
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: [...consoleOrigins()],
    expectedRPID: rpId(),
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) return null;
  const { credential } = verification.registrationInfo;
  const factor = await db().mfaFactor.create({
    data: {
      ...ownerWhere(owner),
      type: "WEBAUTHN",
      label,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey),
      signCount: credential.counter,
      transports: credential.transports ?? [],
      confirmedAt: new Date(),
    },
  });
  return factor.id;
}

export async function passkeyAuthenticationOptions(owner: MfaOwner) {
  const passkeys = await passkeysOf(owner);
  const options = await generateAuthenticationOptions({
    rpID: rpId(),
    allowCredentials: passkeys.map((f) => ({ id: f.credentialId!, transports: transportsOf(f) })),
    userVerification: "preferred",
  });
  await redis().set(challengeKey("authenticate", owner), options.challenge, "EX", CHALLENGE_TTL_SECONDS);
  return options;
}

/** Verifies an assertion by one of the owner's passkeys; a signature counter that did not grow is refused (a clone). */
export async function verifyPasskeyAssertion(owner: MfaOwner, response: AuthenticationResponseJSON): Promise<string | null> {
  const challenge = await takeChallenge("authenticate", owner);
  if (!challenge) return null;
  const factor = (await passkeysOf(owner)).find((f) => f.credentialId === response.id);
  if (!factor?.publicKey || !factor.credentialId) return null;
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: [...consoleOrigins()],
    expectedRPID: rpId(),
    credential: { id: factor.credentialId, publicKey: new Uint8Array(factor.publicKey), counter: factor.signCount, transports: transportsOf(factor) },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) return null;
  // Conditional on the counter read: a parallel replay of the same assertion loses.
  const updated = await db().mfaFactor.updateMany({
    where: { id: factor.id, signCount: factor.signCount },
    data: { signCount: verification.authenticationInfo.newCounter, lastUsedAt: new Date() },
  });
  return updated.count === 1 ? factor.id : null;
}
