// The console's view of the gateway contract; the schema itself lives with the
// gateway so the gateway can run alone without importing anything of ours.
export * from "@/gateway-worker/src/contract/config-snapshot";
