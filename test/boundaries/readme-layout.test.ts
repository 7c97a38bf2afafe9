// Keeps the README's Layout table true to the tree: every folder git tracks at the root, every
// bounded context in lib/, every part of the gateway and of components/ is named in its row, and
// every folder the table names exists. A new context lands with its line in the table.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const layout = readme.slice(readme.indexOf("## Layout\n"), readme.indexOf("\n## ", readme.indexOf("## Layout\n") + 1));

/** The table's rows by their first cell (`lib/` → the row's text). */
const rows = new Map(
  [...layout.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map(([, folder, text]) => [folder, text] as const),
);

const trackedTopLevel = [
  ...new Set(
    execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((file) => file.includes("/") && !file.startsWith("."))
      .map((file) => file.slice(0, file.indexOf("/") + 1)),
  ),
];

const subfolders = (folder: string) =>
  readdirSync(path.join(root, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name);

function row(folder: string): string {
  const text = rows.get(folder);
  if (text === undefined) throw new Error(`README Layout has no row for ${folder}`);
  return text;
}

describe("README layout table", () => {
  it("has a row for every folder git tracks at the root, and names only folders that exist", () => {
    expect(rows.size).toBeGreaterThan(5);
    for (const folder of trackedTopLevel) expect(rows.has(folder), `row for ${folder}`).toBe(true);
    for (const folder of rows.keys()) expect(statSync(path.join(root, folder)).isDirectory() || statSync(path.join(root, folder)).isFile(), folder).toBe(true);
  });

  it("names every bounded context of lib/, every part of the gateway and of components/", () => {
    for (const context of subfolders("lib")) expect(row("lib/"), `lib/${context}`).toContain(`\`${context}\``);
    for (const part of subfolders("gateway-worker/src")) expect(row("gateway-worker/"), `gateway-worker/src/${part}`).toContain(`${part}/\``);
    for (const part of subfolders("components")) expect(row("components/"), `components/${part}`).toContain(`\`${part}/\``);
  });
});
