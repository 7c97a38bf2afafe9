// The demo backend behind the gateway: an in-memory orders service (see openapi.yaml).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

type Order = { id: string; item: string; quantity: number; createdAt: string };

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function createDemoBackend() {
  const orders: Order[] = [
    { id: "1", item: "Portcullis T-shirt", quantity: 2, createdAt: new Date(0).toISOString() },
  ];

  return createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://demo.local");
    try {
      if (req.method === "GET" && url.pathname === "/hello") return send(res, 200, { message: "Hello from the demo backend" });
      if (req.method === "GET" && url.pathname === "/echo") {
        return send(res, 200, { method: req.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers });
      }
      if (req.method === "GET" && url.pathname === "/orders") return send(res, 200, orders);
      if (req.method === "POST" && url.pathname === "/orders") {
        const input = JSON.parse((await readBody(req)) || "{}") as Partial<Order>;
        if (typeof input.item !== "string" || !Number.isInteger(input.quantity) || (input.quantity ?? 0) < 1) {
          return send(res, 400, { error: { code: "invalid_order", message: "item (string) and quantity (integer >= 1) are required" } });
        }
        const order = { id: String(orders.length + 1), item: input.item, quantity: input.quantity as number, createdAt: new Date().toISOString() };
        orders.push(order);
        return send(res, 201, order);
      }
      const match = /^\/orders\/([^/]+)$/.exec(url.pathname);
      if (req.method === "GET" && match) {
        const order = orders.find((o) => o.id === decodeURIComponent(match[1] ?? ""));
        return order ? send(res, 200, order) : send(res, 404, { error: { code: "order_not_found", message: "No such order" } });
      }
      return send(res, 404, { error: { code: "not_found", message: `No route for ${req.method} ${url.pathname}` } });
    } catch {
      return send(res, 400, { error: { code: "bad_request", message: "Malformed request" } });
    }
  });
}

// Run directly: `tsx demo-backend/server.ts` (port DEMO_BACKEND_PORT, default 4000).
if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.DEMO_BACKEND_PORT ?? 4000);
  createDemoBackend().listen(port, "127.0.0.1", () => console.log(`demo backend listening on http://127.0.0.1:${port}`));
}
