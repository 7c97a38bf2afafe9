// How every answer of the management API spells an instant: Date#toISOString().
import { z } from "zod";

export const isoDate = () => z.string().describe("ISO 8601 date-time");
