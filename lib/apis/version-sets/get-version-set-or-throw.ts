// Loads one version set with its member APIs, or 404.
import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";
import { versionSetApisInclude } from "./version-set-schemas";

export async function getVersionSetOrThrow(id: string) {
  const set = await db().apiVersionSet.findUnique({ where: { id }, include: versionSetApisInclude });
  if (!set) throw notFound("Version set", id);
  return set;
}
