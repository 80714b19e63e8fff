// The lab host's privileged side: the pool of unprivileged lab accounts, their homes, cgroups and per-session
// keys. It needs root on the lab host (useradd, mount, cgroupfs); the service scripts call `installLabHost` at
// start-up and the gateway, running on the lab host, calls `prepareLab` / `releaseLab` around every lease.
//
// Layout under `labsDir` (root-owned unless said):
//   bin/lab-shell     sshd's ForceCommand (lab-shell.sh): prlimit + cgroup + bubblewrap
//   etc/              the sandbox's whole /etc (passwd naming every lab uid "learner", a prompt)
//   keys/<account>    that account's authorized key, present only while a session holds it
//   conf/<account>/   limits, setup script, check command (root:<account> 0640, never inside the sandbox's home)
//   homes/<account>   a size-limited tmpfs mounted per lease, owned by the account, 0700; unmounted = wiped
// Nothing here takes a path from a learner: account names come from the pool, files have fixed names.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface LabHostConfig {
  labsDir: string;
  /** The cgroup directory name under each controller (one per profile / host). */
  cgroup: string;
  accounts: readonly string[];
}

export { DEFAULT_LIMITS, LIMIT_BOUNDS, type LabLimits } from "./limits";
import type { LabLimits } from "./limits";

const CONTROLLERS = ["memory", "pids", "cpu", "cpuacct"] as const;
const ACCOUNT = /^[a-z][a-z0-9-]{1,30}$/;
/** Each lab may use half a core: two labs cannot starve the host's other work. */
const CPU_QUOTA_US = 50_000;
const NOFILE = 256;

const cgroupDir = (config: LabHostConfig, controller: string, account?: string) =>
  path.join("/sys/fs/cgroup", controller, config.cgroup, ...(account ? [account] : []));

/** Whether this machine has writable cgroup v1 controllers for memory, pids and CPU (checked as root). */
export function hasCgroupV1(): boolean {
  return CONTROLLERS.every((c) => fs.existsSync(path.join("/sys/fs/cgroup", c, "cgroup.procs")));
}

const paths = (config: LabHostConfig, account: string) => {
  if (!config.accounts.includes(account) || !ACCOUNT.test(account)) throw new Error(`not a lab account: ${account}`);
  return {
    home: path.join(config.labsDir, "homes", account),
    conf: path.join(config.labsDir, "conf", account),
    key: path.join(config.labsDir, "keys", account),
  };
};

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
}

function uidOf(account: string): { uid: number; gid: number } | null {
  const r = spawnSync("/usr/bin/id", ["-u", account], { encoding: "utf8" });
  if (r.status !== 0) return null;
  const g = spawnSync("/usr/bin/id", ["-g", account], { encoding: "utf8" });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function homeOf(account: string): string | null {
  const r = spawnSync("/usr/bin/getent", ["passwd", account], { encoding: "utf8" });
  return r.status === 0 ? (r.stdout.trim().split(":")[5] ?? null) : null;
}

const isMounted = (dir: string) => spawnSync("/usr/bin/mountpoint", ["-q", dir]).status === 0;

/** Creates what is missing: the accounts, the directories, the sandbox's /etc, the ForceCommand, the cgroups. */
export function installLabHost(config: LabHostConfig): { cgroups: boolean } {
  if (process.getuid?.() !== 0) throw new Error("The lab host needs root (it creates lab accounts and mounts their homes).");
  for (const dir of ["", "bin", "etc", "keys", "conf", "homes"]) {
    fs.mkdirSync(path.join(config.labsDir, dir), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(config.labsDir, dir), 0o755);
  }
  const ids: Array<{ uid: number; gid: number }> = [];
  for (const account of config.accounts) {
    const p = paths(config, account);
    if (!uidOf(account)) run("/usr/sbin/useradd", ["--system", "--no-create-home", "--home-dir", p.home, "--shell", "/bin/bash", "--user-group", account]);
    // useradd leaves the password "!" (locked); with UsePAM no, sshd refuses even key logins to a locked account.
    // The home is set again: the accounts are the machine's, and another checkout may have started them last.
    run("/usr/sbin/usermod", ["-p", "*", ...(homeOf(account) === p.home ? [] : ["--home", p.home]), account]);
    const id = uidOf(account)!;
    ids.push(id);
    fs.mkdirSync(p.home, { recursive: true, mode: 0o700 });
    fs.mkdirSync(p.conf, { recursive: true });
    fs.chownSync(p.conf, 0, id.gid);
    fs.chmodSync(p.conf, 0o750);
  }
  const etc = path.join(config.labsDir, "etc");
  const learners = ids.map(({ uid, gid }) => `learner:x:${uid}:${gid}:Learner:/home/learner:/bin/bash`);
  fs.writeFileSync(path.join(etc, "passwd"), ["root:x:0:0:root:/:/usr/sbin/nologin", ...learners, "nobody:x:65534:65534:nobody:/:/usr/sbin/nologin", ""].join("\n"));
  fs.writeFileSync(path.join(etc, "group"), ["root:x:0:", ...ids.map(({ gid }) => `learner:x:${gid}:`), "nogroup:x:65534:", ""].join("\n"));
  fs.writeFileSync(path.join(etc, "hosts"), "127.0.0.1 localhost lab\n");
  fs.writeFileSync(path.join(etc, "bash.bashrc"), "PS1='learner@lab:\\w\\$ '\nalias ls='ls --color=auto'\n");
  fs.writeFileSync(path.join(etc, "profile"), "[ -r /etc/bash.bashrc ] && . /etc/bash.bashrc\n");
  const template = fs.readFileSync(path.join(__dirname, "lab-shell.sh"), "utf8");
  const shell = template.replaceAll("@LABS@", config.labsDir).replaceAll("@CGROUP@", config.cgroup);
  const shellPath = path.join(config.labsDir, "bin", "lab-shell");
  fs.writeFileSync(shellPath, shell, { mode: 0o755 });
  fs.chmodSync(shellPath, 0o755);

  const cgroups = hasCgroupV1();
  if (cgroups) {
    for (const controller of CONTROLLERS) {
      for (const account of config.accounts) fs.mkdirSync(cgroupDir(config, controller, account), { recursive: true });
    }
  }
  return { cgroups };
}

/** Kills every process of the account (the sandbox keeps the account's uid on the host). */
function killAccount(config: LabHostConfig, account: string): void {
  const id = uidOf(account);
  if (!id) return;
  // Twice: a process forking while the first pass runs is caught by the second.
  for (let i = 0; i < 3; i++) {
    const r = spawnSync("/usr/bin/pkill", ["-KILL", "-U", String(id.uid)]);
    if (r.status === 1) break; // none left
  }
  if (hasCgroupV1()) {
    const procs = cgroupDir(config, "pids", account);
    try {
      for (const pid of fs.readFileSync(path.join(procs, "cgroup.procs"), "utf8").split("\n").filter(Boolean)) {
        try {
          process.kill(Number(pid), "SIGKILL");
        } catch {
          /* gone */
        }
      }
    } catch {
      /* no cgroup */
    }
  }
}

function unmountHome(home: string): void {
  for (let i = 0; i < 20 && isMounted(home); i++) {
    const r = spawnSync("/usr/bin/umount", [home]);
    if (r.status !== 0) spawnSync("/usr/bin/umount", ["-l", home]);
  }
}

function writeConf(file: string, text: string, gid: number): void {
  fs.writeFileSync(file, text, { mode: 0o640 });
  fs.chownSync(file, 0, gid);
  fs.chmodSync(file, 0o640);
}

export interface PrepareOptions {
  /** The session's public key, OpenSSH one-line form. */
  publicKey: string;
  limits: LabLimits;
  setupScript: string;
  checkCommand: string;
}

/** Readies an account for one session: nothing of the previous one left, a fresh home, limits, the key. */
export function prepareLab(config: LabHostConfig, account: string, opts: PrepareOptions): void {
  const p = paths(config, account);
  const id = uidOf(account);
  if (!id) throw new Error(`lab account ${account} does not exist; start the lab host`);
  if (!/^ssh-ed25519 [A-Za-z0-9+/=]+$/.test(opts.publicKey.trim())) throw new Error("not an ed25519 public key");
  fs.rmSync(p.key, { force: true });
  killAccount(config, account);
  unmountHome(p.home);
  fs.mkdirSync(p.home, { recursive: true, mode: 0o700 });
  const l = opts.limits;
  run("/usr/bin/mount", ["-t", "tmpfs", "-o", `size=${l.diskMb}m,nr_inodes=${l.diskMb * 256},mode=0700,uid=${id.uid},gid=${id.gid},nosuid,nodev`, `xuefu-lab-${account}`, p.home]);
  const cgroups = hasCgroupV1() && fs.existsSync(cgroupDir(config, "memory", account));
  writeConf(path.join(p.conf, "limits"), `${l.memoryMb} ${l.processes} ${l.cpuSeconds} ${l.diskMb} ${NOFILE} ${cgroups ? 1 : 0}\n`, id.gid);
  writeConf(path.join(p.conf, "setup"), opts.setupScript.replace(/\r\n/g, "\n") + "\n", id.gid);
  writeConf(path.join(p.conf, "check"), opts.checkCommand.replace(/\r\n/g, "\n") + "\n", id.gid);
  if (cgroups) {
    const memory = cgroupDir(config, "memory", account);
    fs.writeFileSync(path.join(memory, "memory.limit_in_bytes"), String(l.memoryMb * 1048576));
    fs.writeFileSync(path.join(cgroupDir(config, "pids", account), "pids.max"), String(l.processes));
    fs.writeFileSync(path.join(cgroupDir(config, "cpu", account), "cpu.cfs_quota_us"), String(CPU_QUOTA_US));
    for (const controller of CONTROLLERS) {
      const procs = path.join(cgroupDir(config, controller, account), "cgroup.procs");
      fs.chownSync(procs, id.uid, id.gid);
    }
  }
  // `restrict` turns off forwarding, agent, X11 and ~/.ssh/rc; `pty` gives the terminal back.
  fs.writeFileSync(p.key, `restrict,pty ${opts.publicKey.trim()} xuefu-lab\n`, { mode: 0o644 });
}

/** Ends whatever runs as the account and wipes its home; the key goes first so no new login can start. */
export function releaseLab(config: LabHostConfig, account: string): void {
  const p = paths(config, account);
  fs.rmSync(p.key, { force: true });
  killAccount(config, account);
  unmountHome(p.home);
  for (const file of ["limits", "setup", "check"]) fs.rmSync(path.join(p.conf, file), { force: true });
}

export interface LabUsage {
  memoryBytes: number | null;
  cpuSeconds: number | null;
  processes: number | null;
}

const readNumber = (file: string): number | null => {
  try {
    const n = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
};

/** What an account uses now (null where the host has no cgroups). */
export function labUsage(config: LabHostConfig, account: string): LabUsage {
  paths(config, account);
  const ns = readNumber(path.join(cgroupDir(config, "cpuacct", account), "cpuacct.usage"));
  return {
    memoryBytes: readNumber(path.join(cgroupDir(config, "memory", account), "memory.usage_in_bytes")),
    cpuSeconds: ns === null ? null : ns / 1e9,
    processes: readNumber(path.join(cgroupDir(config, "pids", account), "pids.current")),
  };
}
