// The internal header through which the HTTP server hook (./server-hook.ts) tells the app the socket's peer
// address, and the per-process token that proves a header value was written by the hook (./client-ip.ts).
// Kept apart from both so the hook, which instrumentation.ts loads before anything else, stays small.
import { randomBytes } from "node:crypto";

export const PEER_HEADER = "x-xuefu-peer";

const TOKEN = Symbol.for("xuefu.peer-token");

/** This process's token; created on first use when `create` is set. */
export function peerToken(create: boolean): string | undefined {
  const holder = globalThis as { [TOKEN]?: string };
  if (!holder[TOKEN] && create) holder[TOKEN] = randomBytes(18).toString("base64url");
  return holder[TOKEN];
}
