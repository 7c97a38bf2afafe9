// The lifecycle states as the management API names them (Prisma: DRAFT, ...).
import type { ApiLifecycle } from "@/generated/prisma/client";

export const apiLifecycles = ["draft", "published", "deprecated", "retired"] as const;
export type ApiLifecycleName = (typeof apiLifecycles)[number];

export const lifecycleFromApi = (name: ApiLifecycleName) => name.toUpperCase() as ApiLifecycle;
