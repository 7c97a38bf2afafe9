// Every version set with the APIs (versions) in it.
import { db } from "@/lib/db";
import { toVersionSetResource, versionSetApisInclude } from "./version-set-schemas";

export async function listVersionSets() {
  const sets = await db().apiVersionSet.findMany({ orderBy: { name: "asc" }, include: versionSetApisInclude });
  return sets.map(toVersionSetResource);
}
