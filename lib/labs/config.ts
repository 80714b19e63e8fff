// The lab host this process talks to, from the validated settings; null when labs are off here.
import "server-only";
import { env } from "@/lib/config/env";
import type { LabHostConfig } from "./host";

export interface LabHostSettings extends LabHostConfig {
  sshHost: string;
  sshPort: number;
  idleMs: number;
  maxMs: number;
}

export function labHostSettings(): LabHostSettings | null {
  const e = env();
  if (!e.LABS_SSH_HOST || !e.LABS_DIR || !e.LABS_ACCOUNTS) return null;
  return {
    labsDir: e.LABS_DIR,
    cgroup: e.LABS_CGROUP,
    accounts: e.LABS_ACCOUNTS.split(","),
    sshHost: e.LABS_SSH_HOST,
    sshPort: e.LABS_SSH_PORT,
    idleMs: e.LABS_IDLE_MINUTES * 60_000,
    maxMs: e.LABS_MAX_MINUTES * 60_000,
  };
}
