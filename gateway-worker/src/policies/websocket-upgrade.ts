// A WebSocket upgrade is a GET that the operation match has already accepted;
// this decides whether the API takes WebSockets at all (501 otherwise), before
// any credential is checked, as for a method the API does not implement.
import { z } from "zod";
import { rejection } from "../http/errors.js";
import { POLICY_PRIORITY } from "../pipeline/policy-order.js";
import type { Policy } from "./policy.js";

const settingsSchema = z.boolean().optional().transform((allowed) => allowed ?? false);

export const websocketUpgradePolicy: Policy<boolean> = {
  name: "websocket-upgrade",
  priority: POLICY_PRIORITY["websocket-upgrade"],
  schema: settingsSchema,
  settingsFor: (api) => api.allowWebSockets,
  inactive: (allowWebSockets) => allowWebSockets,
  handle(ctx, allowWebSockets) {
    return ctx.websocket && !allowWebSockets ? rejection("upgrade_not_supported") : undefined;
  },
};
