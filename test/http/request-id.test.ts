// Every management API answer names its request id, the one a caller sent or a fresh one,
// success or failure, so a report leads to the matching log lines.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";

const ADMIN_TOKEN = process.env.ADMIN_API_TOKEN as string;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function callMe(headers: Record<string, string>) {
  const request = new NextRequest("http://localhost:3000/api/v1/me", { headers });
  return meRoute.GET(request, { params: Promise.resolve({}) });
}

describe("x-request-id", () => {
  it("echoes the caller's id on a success", async () => {
    const res = await callMe({ authorization: `Bearer ${ADMIN_TOKEN}`, "x-request-id": "ci-run-17" });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("ci-run-17");
  });

  it("makes one for a refusal that came without", async () => {
    const res = await callMe({});
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toMatch(UUID);
  });
});
