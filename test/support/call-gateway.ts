// One request through a running gateway, as a client of a published API sends it.
import { readAnswer, type Answer } from "./read-answer";

export type GatewayRequest = {
  /** Sent as Ocp-Apim-Subscription-Key, the default key header. */
  key?: string;
  method?: string;
  headers?: Record<string, string>;
};

export async function callGateway(stack: { gatewayUrl: string }, path: string, init: GatewayRequest = {}): Promise<Answer> {
  const headers = { ...(init.key ? { "Ocp-Apim-Subscription-Key": init.key } : {}), ...init.headers };
  return readAnswer(await fetch(`${stack.gatewayUrl}${path}`, { method: init.method, headers }));
}
