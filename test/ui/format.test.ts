// The one formatter of sizes, counts and dates: each case is what a page shows.
import { describe, expect, it } from "vitest";
import { bytesToMb, formatBytes, formatCount, formatDateTime, formatSeconds, maskSecret, mbToBytes } from "@/components/format";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1024, "1 KB"],
    [1536, "1.5 KB"],
    [1024 * 1024, "1 MB"],
    [Math.round(13.24 * 1024 * 1024), "13.2 MB"],
    [50 * 1024 * 1024, "50 MB"],
    [5 * 1024 ** 3, "5 GB"],
    [20_000 * 1024 ** 3, "20,000 GB"],
  ])("%d bytes read %s", (bytes, shown) => expect(formatBytes(bytes)).toBe(shown));
});

describe("form MB fields", () => {
  it.each([
    [null, ""],
    [0, ""],
    [1024 * 1024, "1"],
    [1536 * 1024, "1.5"],
    [1234, "0.001"],
    [50 * 1024 * 1024, "50"],
  ])("%s bytes show as %j MB", (bytes, shown) => expect(bytesToMb(bytes)).toBe(shown));

  it.each([
    [1, 1024 * 1024],
    [1.5, 1536 * 1024],
    [0.001, 1049],
  ])("%d MB is sent as %d bytes", (mb, bytes) => expect(mbToBytes(mb)).toBe(bytes));
});

describe("formatCount and formatSeconds", () => {
  it.each([
    [7, "7"],
    [10_000, "10,000"],
    [1234.56, "1,234.6"],
  ])("%d reads %s", (value, shown) => expect(formatCount(value)).toBe(shown));

  it.each([
    [0, "0.0 s"],
    [1234, "1.2 s"],
  ])("%d ms reads %s", (ms, shown) => expect(formatSeconds(ms)).toBe(shown));
});

describe("formatDateTime", () => {
  const local = new Date(2025, 10, 26, 9, 4);
  it.each([
    [null, "—"],
    [undefined, "—"],
    ["", "—"],
    ["not a date", "not a date"],
    [local.toISOString(), "2025-11-26 09:04"],
  ])("%j reads %s", (iso, shown) => expect(formatDateTime(iso)).toBe(shown));
});

describe("maskSecret", () => {
  it.each([
    ["short", "•••••"],
    ["ab12345678cd", "ab12••••78cd"],
    ["k".repeat(64), `kkkk${"•".repeat(24)}kkkk`],
  ])("%s is masked", (secret, shown) => expect(maskSecret(secret)).toBe(shown));
});
