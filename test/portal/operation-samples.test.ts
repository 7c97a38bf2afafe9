// Code samples call a real operation through the gateway: the operation's own path with its
// parameters filled, the version a version set needs, the key as a placeholder.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { gatewayAddressOf } from "@/lib/portal/gateway-address";
import { codeSamplesFor, sampleRequestFor, SUBSCRIPTION_KEY_PLACEHOLDER } from "@/lib/portal/operation-samples";
import { referenceDocument } from "@/lib/portal/reference-document";

const demo = parse(readFileSync("demo-backend/openapi.yaml", "utf8")) as Record<string, unknown>;
const key = { header: "Ocp-Apim-Subscription-Key", required: true };

describe("gatewayAddressOf", () => {
  it.each([
    ["unversioned", { gatewayPath: "demo", versionName: null, versionSet: null }, "https://gw.example/demo", null],
    ["path version", { gatewayPath: "orders/v2", versionName: "v2", versionSet: { scheme: "path" as const, parameterName: "" } }, "https://gw.example/orders/v2", null],
    ["header version", { gatewayPath: "orders", versionName: "v2", versionSet: { scheme: "header" as const, parameterName: "Api-Version" } }, "https://gw.example/orders", { in: "header", name: "Api-Version", value: "v2" }],
    ["query version", { gatewayPath: "orders", versionName: "2024-01", versionSet: { scheme: "query" as const, parameterName: "api-version" } }, "https://gw.example/orders", { in: "query", name: "api-version", value: "2024-01" }],
  ])("%s", (_name, api, serverUrl, version) => {
    expect(gatewayAddressOf("https://gw.example/", api)).toEqual({ serverUrl, version });
  });
});

describe("sampleRequestFor", () => {
  const address = { serverUrl: "http://localhost:8080/demo", version: null };

  it("fills path parameters and sends the key placeholder", () => {
    expect(sampleRequestFor(demo, { method: "GET", path: "/orders/{orderId}" }, address, key)).toEqual({
      method: "GET",
      url: "http://localhost:8080/demo/orders/string",
      headers: [{ name: "Ocp-Apim-Subscription-Key", value: SUBSCRIPTION_KEY_PLACEHOLDER }],
      body: undefined,
    });
  });

  it("sends an example JSON body made from the schema", () => {
    const request = sampleRequestFor(demo, { method: "POST", path: "/orders" }, address, key);
    expect(request.headers).toContainEqual({ name: "Content-Type", value: "application/json" });
    expect(JSON.parse(request.body!.text)).toEqual({ item: "string", quantity: 0 });
  });

  it("adds a header or query version, and no key when the API needs none", () => {
    const header = sampleRequestFor(demo, { method: "GET", path: "/hello" }, { ...address, version: { in: "header", name: "Api-Version", value: "v2" } }, { ...key, required: false });
    expect(header).toMatchObject({ url: "http://localhost:8080/demo/hello", headers: [{ name: "Api-Version", value: "v2" }] });
    const query = sampleRequestFor(demo, { method: "GET", path: "/hello" }, { ...address, version: { in: "query", name: "api-version", value: "v2" } }, key);
    expect(query.url).toBe("http://localhost:8080/demo/hello?api-version=v2");
  });
});

describe("codeSamplesFor", () => {
  it("answers curl, fetch, requests, Go and C# with the URL and the placeholder", () => {
    const request = sampleRequestFor(demo, { method: "GET", path: "/hello" }, { serverUrl: "http://localhost:8080/demo", version: null }, key);
    const samples = codeSamplesFor(request);
    expect(samples.map((s) => s.language)).toEqual(["curl", "javascript", "python", "go", "csharp"]);
    for (const sample of samples) {
      expect(sample.code).toContain("http://localhost:8080/demo/hello");
      expect(sample.code).toContain(SUBSCRIPTION_KEY_PLACEHOLDER);
    }
    expect(samples[0].code).toContain("curl --request GET");
    expect(samples[2].code).toContain("import requests");
  });
});

describe("referenceDocument", () => {
  it("replaces the servers of the document, its paths and operations with the gateway's", () => {
    const doc = referenceDocument(
      { openapi: "3.0.3", servers: [{ url: "http://backend" }], paths: { "/a": { servers: [{ url: "x" }], get: { servers: [{ url: "y" }], responses: {} } } } },
      "https://gw.example/demo",
    );
    expect(doc.servers).toEqual([{ url: "https://gw.example/demo", description: "Portcullis gateway" }]);
    expect(doc.paths).toEqual({ "/a": { get: { responses: {} } } });
  });

  it("points a Swagger 2.0 document's host and basePath at the gateway", () => {
    expect(referenceDocument({ swagger: "2.0", host: "backend", paths: {} }, "https://gw.example/demo")).toMatchObject({ host: "gw.example", basePath: "/demo", schemes: ["https"] });
  });
});
