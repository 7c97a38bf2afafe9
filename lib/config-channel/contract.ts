// The console's view of the gateway contract; the schema itself lives in the
// gateway's package so the gateway can run alone without importing anything of ours.
export * from "@portcullis/gateway/contract";
export { hashSubscriptionKey } from "@portcullis/gateway/contract/subscription-key-hash";
