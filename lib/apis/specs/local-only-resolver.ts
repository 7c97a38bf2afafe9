// Refuses remote and file $refs: an import must never read our disk or the network.
import { BaseResolver, type Source } from "@redocly/openapi-core";

export class LocalOnlyResolver extends BaseResolver {
  async loadExternalRef(absoluteRef: string): Promise<Source> {
    throw new Error(`External $ref not allowed: ${absoluteRef}`);
  }
}
