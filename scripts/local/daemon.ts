// A TypeScript entry point of ours (the REST gateway, the OAuth stand-in) run as a detached background
// process with a pid file and a log file under the profile, so it outlives the command that started it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isAlive, readPid, stopPid } from "./proc";
import { projectRoot, type Profile } from "./profile";

export interface Daemon {
  pidFile: string;
  logFile: string;
}

export const daemonFiles = (p: Profile, name: string): Daemon => ({
  pidFile: path.join(p.runDir, `${name}.pid`),
  logFile: path.join(p.logDir, `${name}.log`),
});

export const daemonRunning = (d: Daemon) => isAlive(readPid(d.pidFile));

/** Starts `scripts/local/<script>` with tsx, detached, output appended to the log file. */
export function spawnDaemon(p: Profile, d: Daemon, script: string, env: Record<string, string>): void {
  fs.mkdirSync(p.runDir, { recursive: true });
  fs.mkdirSync(p.logDir, { recursive: true });
  const out = fs.openSync(d.logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/local", script)], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, ...env },
  });
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(d.pidFile, String(child.pid));
}

/** Stops the daemon if it runs; answers whether it did. */
export async function stopDaemon(d: Daemon): Promise<boolean> {
  const pid = readPid(d.pidFile);
  fs.rmSync(d.pidFile, { force: true });
  if (!isAlive(pid)) return false;
  await stopPid(pid, 5_000);
  return true;
}
