// The lab host for one profile: the pool of lab accounts (lib/labs/host.ts) and a private OpenSSH server on
// 127.0.0.1 with its own config and host key under <profile>/labs/sshd — never the system's sshd. Every login
// is forced into lab-shell (bubblewrap); only public keys the gateway installs per session are accepted.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { installLabHost, releaseLab, type LabHostConfig } from "../../lib/labs/host";
import { assertPortFree, isAlive, portOpen, readPid, stopPid, waitFor } from "./proc";
import type { Profile } from "./profile";

/** The lab host's settings as the gateway reads them (lib/config/env.ts). */
export type LabEnv = Record<"LABS_DIR" | "LABS_CGROUP" | "LABS_ACCOUNTS" | "LABS_SSH_HOST" | "LABS_SSH_PORT", string>;

/**
 * The first directory on the way from / to `dir` that sshd's StrictModes refuses to read keys under: one
 * writable by its group or by others (a checkout under /tmp), or owned by someone other than root.
 */
export function sshdRefusedAncestor(dir: string): string | null {
  for (let at = dir; ; at = path.dirname(at)) {
    const st = fs.statSync(at);
    if (st.uid !== 0 || (st.mode & 0o022) !== 0) return at;
    if (at === path.dirname(at)) return null;
  }
}

/** Where a profile's lab host lives when its checkout's path is one sshd refuses: root's own, one per checkout. */
const SAFE_LABS_ROOT = "/var/lib/xuefu-labs";

export function labHostConfig(p: Profile): LabHostConfig {
  fs.mkdirSync(p.labsDir, { recursive: true });
  // Real path: sshd checks the ownership of every directory on the way to the keys, and the sandbox's shell
  // has the path written into it.
  let labsDir = fs.realpathSync(p.labsDir);
  if (process.getuid?.() === 0 && sshdRefusedAncestor(labsDir)) {
    const id = createHash("sha256").update(labsDir).digest("hex").slice(0, 10);
    labsDir = path.join(SAFE_LABS_ROOT, `${p.name}-${id}`);
    fs.mkdirSync(labsDir, { recursive: true, mode: 0o755 });
    fs.chmodSync(SAFE_LABS_ROOT, 0o755);
  }
  return { labsDir, cgroup: `xuefu-${p.name}`, accounts: p.labAccounts };
}

const files = (p: Profile, config: LabHostConfig) => {
  const dir = path.join(config.labsDir, "sshd");
  return { dir, config: path.join(dir, "sshd_config"), hostKey: path.join(dir, "host_ed25519"), pid: path.join(p.runDir, "labs-sshd.pid"), log: path.join(p.logDir, "labs-sshd.log") };
};

function sshdConfig(p: Profile, config: LabHostConfig, f: ReturnType<typeof files>): string {
  const pattern = p.labAccounts[0]!.replace(/\d+$/, "*");
  return [
    "# Written by scripts/local/labs.ts on every start; edits are lost.",
    `Port ${p.labSshPort}`,
    "ListenAddress 127.0.0.1",
    `HostKey ${f.hostKey}`,
    `PidFile ${f.pid}`,
    `AuthorizedKeysFile ${config.labsDir}/keys/%u`,
    "AuthenticationMethods publickey",
    "PubkeyAuthentication yes",
    "PasswordAuthentication no",
    "KbdInteractiveAuthentication no",
    "HostbasedAuthentication no",
    "UsePAM no",
    "PermitRootLogin no",
    `AllowUsers ${pattern}`,
    "StrictModes yes",
    "DisableForwarding yes",
    "AllowTcpForwarding no",
    "AllowStreamLocalForwarding no",
    "AllowAgentForwarding no",
    "X11Forwarding no",
    "PermitTunnel no",
    "PermitUserEnvironment no",
    "PermitUserRC no",
    "PrintMotd no",
    "PrintLastLog no",
    "ClientAliveInterval 15",
    "ClientAliveCountMax 2",
    "LoginGraceTime 10",
    "MaxAuthTries 2",
    "MaxSessions 4",
    "MaxStartups 40:30:80",
    // No sftp: the Subsystem line is left out on purpose.
    `ForceCommand ${config.labsDir}/bin/lab-shell`,
    "LogLevel INFO",
    "",
  ].join("\n");
}

export const labEnv = (p: Profile, config = labHostConfig(p)): LabEnv => {
  return { LABS_DIR: config.labsDir, LABS_CGROUP: config.cgroup, LABS_ACCOUNTS: config.accounts.join(","), LABS_SSH_HOST: "127.0.0.1", LABS_SSH_PORT: String(p.labSshPort) };
};

export async function startLabHost(p: Profile, log: (msg: string) => void): Promise<LabEnv> {
  const config = labHostConfig(p);
  const { cgroups } = installLabHost(config);
  const f = files(p, config);
  fs.mkdirSync(f.dir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(p.runDir, { recursive: true });
  fs.mkdirSync(p.logDir, { recursive: true });
  if (!fs.existsSync(f.hostKey)) execFileSync("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", `xuefu-labs-${p.name}`, "-f", f.hostKey]);
  const text = sshdConfig(p, config, f);
  const changed = !fs.existsSync(f.config) || fs.readFileSync(f.config, "utf8") !== text;
  fs.writeFileSync(f.config, text, { mode: 0o600 });
  // sshd's privilege separation directory; Debian makes it in the system unit, which we do not use.
  fs.mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  execFileSync("/usr/sbin/sshd", ["-t", "-f", f.config], { stdio: ["ignore", "ignore", "pipe"] });

  const running = readPid(f.pid);
  if (isAlive(running)) {
    // A changed config is picked up by new connections after a SIGHUP.
    if (changed) process.kill(running, "SIGHUP");
  } else {
    await assertPortFree(p.labSshPort, "the lab host's sshd", p.name === "dev" ? "XUEFU_LAB_SSH_PORT" : "XUEFU_TEST_LAB_SSH_PORT");
    const child = spawn("/usr/sbin/sshd", ["-D", "-f", f.config, "-E", f.log], { detached: true, stdio: "ignore" });
    child.unref();
    const moved = config.labsDir === fs.realpathSync(p.labsDir) ? "" : `, under ${config.labsDir}: sshd reads no keys below ${sshdRefusedAncestor(fs.realpathSync(p.labsDir))}`;
    log(`Starting the lab host's sshd on 127.0.0.1:${p.labSshPort} (${config.accounts.length} lab accounts, ${cgroups ? "cgroup v1 limits" : "no cgroups here: prlimit only"}${moved}) ...`);
  }
  await waitFor("the lab host's sshd", () => portOpen(p.labSshPort), 10_000, f.log);
  return labEnv(p, config);
}

export async function stopLabHost(p: Profile): Promise<boolean> {
  if (!fs.existsSync(p.labsDir)) return false;
  // Every lab of the profile ends with its host: processes killed, homes unmounted (wiped).
  const config = labHostConfig(p);
  for (const account of config.accounts) {
    try {
      releaseLab(config, account);
    } catch {
      /* an account never created */
    }
  }
  const pid = readPid(files(p, config).pid);
  if (!isAlive(pid)) return false;
  await stopPid(pid, 5_000);
  return true;
}
