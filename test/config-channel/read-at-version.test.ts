// A full snapshot reads the catalogue from a database snapshot pinned under the version lock,
// without holding the lock while it reads: a change published meanwhile gets the next version
// at once, and the snapshot being read does not see it.
import { describe, expect, it } from "vitest";
import { newestConfigVersion } from "@/lib/config-channel/config-version-lock";
import { publishGatewayChange } from "@/lib/config-channel/publish-gateway-change";
import { readAtVersion } from "@/lib/config-channel/read-at-version";
import { db } from "@/lib/db";
import { callRoute } from "../support/call-route";
import * as productsRoute from "@/app/api/v1/products/route";
import { uniquePath } from "../support/demo-spec";

describe("readAtVersion", () => {
  it("lets a delta through while a snapshot is still being read, and reads from before it", async () => {
    const product = await callRoute(productsRoute.POST, { method: "POST", body: { name: `Pinned ${uniquePath("p")}`, apiIds: [], state: "published" } });
    expect(product.status).toBe(201);
    let readerStarted!: () => void;
    const started = new Promise<void>((resolve) => (readerStarted = resolve));
    let finishReading!: () => void;
    const gate = new Promise<void>((resolve) => (finishReading = resolve));

    const reading = readAtVersion(newestConfigVersion, async (tx, pinned) => {
      readerStarted();
      await gate; // still reading while the change below is published
      const row = await tx.product.findUniqueOrThrow({ where: { id: product.body.id } });
      return { pinned, description: row.description };
    });
    await started;

    await db().product.update({ where: { id: product.body.id }, data: { description: "changed while the snapshot was read" } });
    // Would wait for the gate (and never get there) if the reader held the lock.
    const version = await publishGatewayChange("test: during a snapshot", [{ kind: "product", id: product.body.id }]);
    finishReading();

    const read = await reading;
    expect(version).toBe(read.pinned + 1);
    expect(read.description).not.toBe("changed while the snapshot was read");
  });
});
