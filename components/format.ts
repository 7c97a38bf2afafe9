// Every number, size and date the console and the portal show, formatted here and only here,
// deterministically (fixed "en" digits, no locale surprises in tests). Sizes are binary:
// 1 MB = 1024 × 1024 bytes, as the import limit and the quota are counted.

const KB = 1024;
const MB = KB * KB;
const GB = MB * KB;

/** "10,000": thousands separated, at most one decimal. */
export function formatCount(value: number): string {
  return value.toLocaleString("en", { maximumFractionDigits: 1 });
}

/** "512 B", "1.5 KB", "13.2 MB", "2 GB": the largest unit that keeps the number at least 1. */
export function formatBytes(bytes: number): string {
  if (bytes >= GB) return `${formatCount(bytes / GB)} GB`;
  if (bytes >= MB) return `${formatCount(bytes / MB)} MB`;
  if (bytes >= KB) return `${formatCount(bytes / KB)} KB`;
  return `${formatCount(bytes)} B`;
}

/** Bytes as the MB a form field shows: up to 3 decimals, no trailing zeros ("" for none). */
export function bytesToMb(bytes: number | null | undefined): string {
  return bytes ? String(Number((bytes / MB).toFixed(3))) : "";
}

/** What a form's MB field means in bytes (whole bytes, as the API takes them). */
export function mbToBytes(mb: number): number {
  return Math.round(mb * MB);
}

/** "1.2 s" from milliseconds. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "2025-11-26 12:04" in the viewer's local time; "—" for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "ab12••••••••cd34": enough to recognise a key without exposing it. */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return "•".repeat(secret.length);
  return `${secret.slice(0, 4)}${"•".repeat(Math.min(secret.length - 8, 24))}${secret.slice(-4)}`;
}
