// The gateway's side of a lab's SSH connection (ssh2 → the lab host's sshd). The host key is pinned from the
// lab host's own key file when it is reachable (same machine), so a process squatting on the port cannot pose
// as the lab host and collect a learner's keystrokes.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Client, utils, type ClientChannel } from "ssh2";
import type { LabHostSettings } from "./config";

export interface LabKeys {
  privateKey: string;
  publicKey: string;
}

/**
 * A fresh ed25519 pair for one session; the private half never leaves this process. ssh2 1.17 writes about one
 * pair in 256 that it cannot read back (it strips a public key's leading zero bytes: mscdex/ssh2#1513), which
 * would fail that lab's start, so a pair is handed out only once both halves parse.
 */
export function newLabKeys(): LabKeys {
  for (let attempt = 0; attempt < 16; attempt++) {
    const pair = utils.generateKeyPairSync("ed25519");
    if (!(utils.parseKey(pair.private) instanceof Error) && !(utils.parseKey(pair.public) instanceof Error)) {
      return { privateKey: pair.private, publicKey: pair.public };
    }
  }
  throw new Error("could not make a readable ed25519 key pair");
}

function pinnedHostKey(settings: LabHostSettings): Buffer | null {
  try {
    const line = fs.readFileSync(path.join(settings.labsDir, "sshd", "host_ed25519.pub"), "utf8").trim();
    const b64 = line.split(/\s+/)[1];
    return b64 ? Buffer.from(b64, "base64") : null;
  } catch {
    return null;
  }
}

export function connectLab(settings: LabHostSettings, account: string, keys: LabKeys, timeoutMs = 10_000): Promise<Client> {
  const pinned = pinnedHostKey(settings);
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.once("ready", () => resolve(client));
    client.once("error", reject);
    client.connect({
      host: settings.sshHost,
      port: settings.sshPort,
      username: account,
      privateKey: keys.privateKey,
      readyTimeout: timeoutMs,
      keepaliveInterval: 15_000,
      hostVerifier: (key: Buffer) => pinned === null || key.equals(pinned),
    });
  });
}

/** Opens the sandbox in one of its modes: "shell" (with a terminal when `pty` is given), "setup" or "check". */
export function openMode(client: Client, mode: "shell" | "setup" | "check", pty?: { cols: number; rows: number }): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.exec(mode, pty ? { pty: { term: "xterm-256color", cols: pty.cols, rows: pty.rows } } : {}, (error, channel) => (error ? reject(error) : resolve(channel)));
  });
}

/** Runs a mode to its end (no terminal), feeding `input` to its stdin; answers its exit code and output. */
export async function runMode(client: Client, mode: "shell" | "setup" | "check", input = "", timeoutMs = 30_000): Promise<{ code: number | null; signal: string | null; output: string }> {
  const channel = await openMode(client, mode);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let code: number | null = null;
    let signal: string | null = null;
    const timer = setTimeout(() => channel.close(), timeoutMs);
    channel.on("data", (d: Buffer) => chunks.push(d));
    channel.stderr.on("data", (d: Buffer) => chunks.push(d));
    channel.on("exit", (c: number | null, s?: string) => {
      code = c;
      signal = s ?? null;
    });
    channel.on("close", () => {
      clearTimeout(timer);
      resolve({ code, signal, output: Buffer.concat(chunks).toString("utf8") });
    });
    channel.end(input);
  });
}
