// Errors the tool reports to the user as a plain message, without a stack.
import { redact } from "./config";

/** A failure with a message meant for the person running the command. */
export class UserError extends Error {
  override name = "UserError";
}

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ECONNRESET",
]);

/**
 * pg connection failures come as a plain Error with a socket `code`, or (Node
 * 20 trying IPv4 and IPv6 in turn) as an AggregateError whose parts carry it.
 */
export function isUnreachable(error: unknown): boolean {
  const e = error as { code?: string; errors?: Array<{ code?: string }> } | null;
  if (!e) return false;
  if (e.code && UNREACHABLE_CODES.has(e.code)) return true;
  return Array.isArray(e.errors) && e.errors.some((part) => !!part.code && UNREACHABLE_CODES.has(part.code));
}

/** The server part of a URL (no database), for "cannot reach" messages. */
function serverOf(url: string): string {
  return redact(url).replace(/^(\w+:\/\/[^/?#]*).*$/, "$1");
}

export function unreachableError(url: string): UserError {
  return new UserError(
    `Cannot reach PostgreSQL at ${serverOf(url)}: start it with ` +
      "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`",
  );
}

/** One readable line (or block) for any error the commands can throw. */
export function describeError(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) {
    // Schema engine errors carry the user-facing text in `message`; keep the
    // Prisma error code (P3xxx) when there is one, it is what docs refer to.
    const code = (error as { code?: unknown }).code;
    return typeof code === "string" && /^P\d{4}$/.test(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
