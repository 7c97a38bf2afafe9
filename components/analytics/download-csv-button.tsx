"use client";
// "Download CSV" beside every analytics table and series: the file is written from the
// rows on screen (lib/client/csv.ts), so it holds exactly the numbers shown.
import { Button } from "@/components/ui/button";
import { csvFileName, downloadCsv, toCsv, type CsvColumn } from "@/lib/client/csv";

type Props<Row> = {
  /** File name parts, e.g. ["analytics", "top", "api"]; the download time is appended. */
  name: string[];
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
  /** What the data is, for the button's accessible name ("Download CSV of Top APIs"). */
  of: string;
};

export function DownloadCsvButton<Row>({ name, columns, rows, of }: Props<Row>) {
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={`Download CSV of ${of}`}
      disabled={rows.length === 0}
      onClick={() => downloadCsv(csvFileName(...name, new Date().toISOString()), toCsv(columns, rows))}
    >
      Download CSV
    </Button>
  );
}
