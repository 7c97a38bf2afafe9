import { readFileSync } from "node:fs";

export const demoSpecYaml = readFileSync(new URL("../../demo-backend/openapi.yaml", import.meta.url), "utf8");

let counter = 0;
/** A unique API path per call, so tests never collide on the unique path. */
export const uniquePath = (base: string) => `${base}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
