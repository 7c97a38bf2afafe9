// Unknown emails and disabled users are checked against this hash, made by the same hashPassword
// (so with the same scrypt parameters as real ones): every path costs one full verification.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/iam/password";

let dummy: Promise<string> | undefined;

export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(32).toString("base64url"));
  return dummy;
}
