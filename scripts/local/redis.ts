// A private redis-server for one profile, on 127.0.0.1 only. Development keeps an append-only file under
// <profile>/redis so data survives restarts.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { assertPortFree, isAlive, readPid, stopPid, waitFor } from "./proc";
import { portVar, type Profile } from "./profile";

const files = (p: Profile) => ({ pid: path.join(p.runDir, "redis.pid"), log: path.join(p.logDir, "redis.log") });

export const redisUrl = (p: Profile) => `redis://127.0.0.1:${p.redisPort}`;

/** One PING over a raw socket: true when Redis answers PONG. */
export function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(reply.startsWith("+PONG"));
    });
    socket.once("error", () => done(false));
  });
}

export async function redisRunning(p: Profile): Promise<boolean> {
  return isAlive(readPid(files(p).pid));
}

export async function startRedis(p: Profile, log: (msg: string) => void): Promise<void> {
  const f = files(p);
  if (await redisRunning(p)) {
    await waitFor("Redis", () => redisPing(p.redisPort), 10_000, f.log);
    return;
  }
  await assertPortFree(p.redisPort, "the private Redis", portVar(p.name, "REDIS_PORT"));
  for (const dir of [p.redisDir, p.runDir, p.logDir]) fs.mkdirSync(dir, { recursive: true });
  const args = [
    "--bind", "127.0.0.1",
    "--port", String(p.redisPort),
    "--protected-mode", "yes",
    "--dir", p.redisDir,
    "--pidfile", f.pid,
    "--logfile", f.log,
    "--daemonize", "no",
    "--save", "",
    ...(p.redisPersistent ? ["--appendonly", "yes", "--appendfsync", "everysec"] : ["--appendonly", "no"]),
  ];
  const child = spawn("/usr/bin/redis-server", args, { detached: true, stdio: "ignore" });
  child.unref();
  log(`Starting Redis on 127.0.0.1:${p.redisPort}${p.redisPersistent ? " (append-only file on)" : ""} ...`);
  await waitFor("Redis", () => redisPing(p.redisPort), 20_000, f.log);
}

export async function stopRedis(p: Profile): Promise<boolean> {
  const pid = readPid(files(p).pid);
  if (!isAlive(pid)) return false;
  await stopPid(pid, 20_000);
  return true;
}
