// The HTTP side of the error model: any thrown value becomes `{"error":{"code","message"}}` with
// its status. Only unexpected failures are logged: the others are the caller's mistake, answered.
import { NextResponse } from "next/server";
import { logger } from "@/lib/logger";
import { errorBody, toApiError } from "./errors";

export function errorResponse(err: unknown): NextResponse {
  const apiError = toApiError(err);
  if (apiError.code === "internal_error") logger().error({ err }, "request failed");
  return NextResponse.json(errorBody(apiError.code, apiError.message, apiError.details), { status: apiError.status });
}
