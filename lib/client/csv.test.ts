import { describe, expect, it } from "vitest";
import { csvFileName, toCsv, type CsvColumn } from "./csv";

type Row = { label: string | null; count: number; p95: number | null };
const columns: CsvColumn<Row>[] = [
  { header: "label", value: (r) => r.label },
  { header: "count", value: (r) => r.count },
  { header: "p95", value: (r) => r.p95 },
];

describe("toCsv", () => {
  it("writes a header line and one CRLF-terminated line per row", () => {
    expect(toCsv(columns, [{ label: "Orders", count: 1200, p95: 12.5 }])).toBe("label,count,p95\r\nOrders,1200,12.5\r\n");
  });

  it.each([
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1", "'+1"],
    ["-cmd", "'-cmd"],
    ["@sum", "'@sum"],
    ["=a,b", `"'=a,b"`],
  ])("quotes or defuses %j as %s", (label, expected) => {
    expect(toCsv(columns, [{ label, count: 1, p95: null }]).split("\r\n")[1]).toBe(`${expected},1,`);
  });

  it("leaves negative numbers alone and writes null as an empty cell", () => {
    expect(toCsv(columns, [{ label: null, count: -3, p95: null }])).toBe("label,count,p95\r\n,-3,\r\n");
  });

  it("writes only the header for no rows", () => {
    expect(toCsv(columns, [])).toBe("label,count,p95\r\n");
  });
});

describe("csvFileName", () => {
  it("keeps letters, digits, dots, dashes and underscores", () => {
    expect(csvFileName("analytics", "top api", "2026-12-02T07:15:00.000Z")).toBe("analytics-top-api-2026-12-02T07-15-00.000Z.csv");
    expect(csvFileName("///")).toBe("export.csv");
  });
});
