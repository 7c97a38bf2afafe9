import { describe, expect, it } from "vitest";
import { REQUEST_ID_HEADER, requestIdOf, withRequestId } from "./request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const requestWith = (id?: string) => new Request("http://localhost/api/v1/me", { headers: id === undefined ? {} : { [REQUEST_ID_HEADER]: id } });

describe("request ids", () => {
  it.each([
    ["a proxy's plain token", "edge-7f3a:42.1_b", "edge-7f3a:42.1_b"],
    ["a UUID", "3b241101-e2bb-4255-8caf-4136c566a962", "3b241101-e2bb-4255-8caf-4136c566a962"],
  ])("keeps %s", (_, given, expected) => {
    expect(requestIdOf(requestWith(given))).toBe(expected);
  });

  it.each([
    ["none", undefined],
    ["an empty one", ""],
    ["one with spaces (log line forging)", "x\" level=error msg=forged"],
    ["one longer than 128 characters", "a".repeat(129)],
  ])("makes a fresh UUID for %s", (_, given) => {
    expect(requestIdOf(requestWith(given))).toMatch(UUID);
  });

  it("sets the id on the answer, also on one whose headers are immutable", async () => {
    const plain = await withRequestId(requestWith("abc"), async () => Response.json({ ok: true }, { status: 201 }));
    expect(plain.headers.get(REQUEST_ID_HEADER)).toBe("abc");
    expect(plain.status).toBe(201);

    const redirect = await withRequestId(requestWith("def"), async () => Response.redirect("http://localhost/login", 303));
    expect(redirect.headers.get(REQUEST_ID_HEADER)).toBe("def");
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("http://localhost/login");
  });

  it("gives two requests without an id two different ids", async () => {
    const first = await withRequestId(requestWith(), async () => new Response(null, { status: 204 }));
    const second = await withRequestId(requestWith(), async () => new Response(null, { status: 204 }));
    expect(first.headers.get(REQUEST_ID_HEADER)).not.toBe(second.headers.get(REQUEST_ID_HEADER));
  });
});
