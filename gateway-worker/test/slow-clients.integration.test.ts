// A client may not hold a connection open by trickling its request: headers
// and the whole request each have a deadline, answered 408 in the usual JSON.
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, KEY_HEADER, setUpFixture, type Fixture } from "./helpers/gateway-fixture";
import { rawRequest } from "./helpers/raw-http";

let fx: Fixture;
let url: string;

beforeAll(async () => {
  fx = await setUpFixture("slow");
  await fx.publisher.publish(fx.snapshot(1));
  // Backend idle timeout (500 ms) is longer than the trickle interval, so only the request deadline can end it.
  url = (await fx.startGateway({ headersTimeoutMs: 600, requestTimeoutMs: 1000 })).url;
});
afterAll(() => fx?.teardown());

/** Writes `head` at once, then one byte of `trickle` every 100 ms. */
const trickling = (head: string, trickle: string) => (socket: net.Socket) => {
  socket.write(head);
  let i = 0;
  const timer = setInterval(() => (i < trickle.length && !socket.destroyed ? socket.write(trickle[i++]) : clearInterval(timer)), 100);
  socket.once("close", () => clearInterval(timer));
};

describe("slow clients", () => {
  it.each([
    ["a body sent at 10 bytes/s", `POST /demo/upload HTTP/1.1\r\nHost: x\r\n${KEY_HEADER}: ${KEY}\r\nContent-Length: 500\r\n\r\n`, "x".repeat(500), 1000],
    ["headers sent at 10 bytes/s", "GET /demo/x HTTP/1.1\r\nHost: x\r\n", `X-Slow: ${"y".repeat(500)}`, 600],
  ])("%s is answered 408 at its deadline", async (_label, head, trickle, deadlineMs) => {
    const res = await rawRequest(url, trickling(head, trickle), 4000);
    expect([res.status, JSON.parse(res.body).error.code]).toEqual([408, "request_timeout"]);
    expect(res.headers.connection).toBe("close");
    expect(res.elapsedMs).toBeGreaterThanOrEqual(deadlineMs - 50);
    // No upper bound on a noisy machine: a 408 before rawRequest's own 4 s cut-off is the proof.
  });

  it("keeps serving prompt clients", async () => {
    const res = await rawRequest(url, `GET /demo/x HTTP/1.1\r\nHost: x\r\n${KEY_HEADER}: ${KEY}\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(200);
  });
});
