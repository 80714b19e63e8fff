// A logger bound to the current request's id (set by middleware.ts), for route handlers and server actions.
import "server-only";
import { headers } from "next/headers";
import { logger, type Logger } from "./index";

export async function requestLogger(bindings: Record<string, unknown> = {}): Promise<Logger> {
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  return logger.child({ requestId, ...bindings });
}
