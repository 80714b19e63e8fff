// Leases in Redis: one live lab per learner, one session per lab account (so the pool size is the global cap),
// and the list of live labs the admin page reads. The gateway that owns the lab host writes them; the admin
// page reads them and asks for a lab to end by adding its token to the end set (the gateway acts within a tick).
import "server-only";
import { key } from "@/lib/redis";

export const userLeaseKey = (userId: number) => key("lab", "user", userId);
export const accountLeaseKey = (account: string) => key("lab", "acct", account);
/** Hash: session token → LiveLab JSON. */
export const liveKey = () => key("lab", "live");
/** Set of session tokens an admin asked to end. */
export const endRequestsKey = () => key("lab", "end");

export interface LiveLab {
  token: string;
  sessionId: number;
  userId: number;
  lessonId: number;
  account: string;
  startedAt: number;
  /** Last keystroke, ms. */
  lastInput: number;
  connected: boolean;
  memoryBytes: number | null;
  cpuSeconds: number | null;
}

export function parseLiveLab(raw: string | null | undefined): LiveLab | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as LiveLab;
    return typeof value.token === "string" && Number.isSafeInteger(value.sessionId) ? value : null;
  } catch {
    return null;
  }
}
