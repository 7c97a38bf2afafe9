// Invitation tokens: 256 random bits, stored only as SHA-256 (no slow hash needed at that entropy).
import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/secret-box";

/** "pci_" marks it as ours for secret scanners. */
export const newInvitationToken = () => `pci_${randomBytes(32).toString("base64url")}`;

export const invitationTokenHash = (token: string) => sha256Hex(token);
