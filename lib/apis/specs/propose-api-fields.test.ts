import { describe, expect, it } from "vitest";
import { createApiInputSchema } from "@/lib/apis/api-schemas";
import { firstServerUrl, pathFromTitle, proposeFromDocument } from "./propose-api-fields";

describe("proposeFromDocument", () => {
  it.each([
    ["OpenAPI 3 servers[0]", { info: { title: "Orders API" }, servers: [{ url: "https://orders.example.com/v1" }, { url: "https://b" }] }, { name: "Orders API", path: "orders-api", backendUrl: "https://orders.example.com/v1" }],
    ["server variables at their defaults", { info: { title: "X" }, servers: [{ url: "https://{env}.example.com", variables: { env: { default: "prod" } } }] }, { name: "X", path: "x", backendUrl: "https://prod.example.com" }],
    ["a relative server", { info: { title: "Rel" }, servers: [{ url: "/api" }] }, { name: "Rel", path: "rel", backendUrl: "" }],
    ["Swagger 2 host and basePath", { swagger: "2.0", info: { title: "Pets" }, host: "pets.io", basePath: "/v2", schemes: ["http", "https"] }, { name: "Pets", path: "pets", backendUrl: "https://pets.io/v2" }],
    ["no info, no servers", {}, { name: "", path: "", backendUrl: "" }],
  ])("%s", (_label, document, expected) => {
    expect(proposeFromDocument(document)).toEqual(expected);
  });

  it("leaves an unresolved server variable out", () => {
    expect(firstServerUrl({ servers: [{ url: "https://{tenant}.example.com" }] })).toBe("");
  });

  it.each(["Swagger Petstore – OpenAPI 3.0", "  Ünïcode   API!! ", "a/b\\c", "x".repeat(300)])("proposes a path the route accepts for %s", (title) => {
    const parsed = createApiInputSchema.safeParse({ name: "n", path: pathFromTitle(title), backendUrl: "https://b.example.com", spec: "x" });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
