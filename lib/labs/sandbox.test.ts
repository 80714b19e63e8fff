// Tries to break out of the lab sandbox, through the test profile's real lab host (sshd + lab-shell +
// bubblewrap + prlimit + cgroups). Each case asserts what a loosened sandbox would let through, so it fails when
// a namespace, a bind, a limit or a cgroup is dropped from lib/labs/lab-shell.sh or lib/labs/host.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { profile } from "@/scripts/local/profile";
import { portOpen } from "@/scripts/local/proc";
import { labHostSettings, type LabHostSettings } from "./config";
import { DEFAULT_LIMITS, labUsage, prepareLab, releaseLab, type LabLimits } from "./host";
import { connectLab, newLabKeys, runMode, type LabKeys } from "./ssh";

let settings: LabHostSettings;
let app: http.Server;
let appPort: number;
const open: Client[] = [];

beforeAll(async () => {
  const s = labHostSettings();
  if (!s) throw new Error("the test profile's lab host is not configured (LABS_* missing): the lab host needs root");
  settings = s;
  // Stands in for the web app on a loopback port.
  app = http.createServer((_req, res) => res.end("app"));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appPort = (app.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const client of open) client.end();
  for (const account of accounts()) releaseLab(settings, account);
  await new Promise((resolve) => app.close(resolve));
});

/** The pool's last three accounts: the gateway tests lease from the front. */
const accounts = () => settings.accounts.slice(-3) as [string, string, string];

interface Lab {
  account: string;
  keys: LabKeys;
  client: Client;
  run(script: string, timeoutMs?: number): Promise<{ code: number | null; output: string }>;
}

async function startLab(account: string, limits: Partial<LabLimits> = {}, setupScript = "", checkCommand = "true"): Promise<Lab> {
  const keys = newLabKeys();
  prepareLab(settings, account, { publicKey: keys.publicKey, limits: { ...DEFAULT_LIMITS, ...limits }, setupScript, checkCommand });
  const client = await connectLab(settings, account, keys);
  client.on("error", () => undefined);
  open.push(client);
  return { account, keys, client, run: (script, timeoutMs) => runMode(client, "shell", script, timeoutMs) };
}

describe("the lab sandbox", () => {
  it("keeps each learner to their own home: another lab's files are neither visible nor reachable", async () => {
    const [a, b] = accounts();
    const labA = await startLab(a);
    const labB = await startLab(b);
    const secret = `secret-${Date.now()}`;
    expect((await labA.run(`echo ${secret} > notes.txt && cat ~/notes.txt && pwd`)).output).toBe(`${secret}\n/home/learner\n`);
    const homeA = `${settings.labsDir}/homes/${a}`;
    const probe = await labB.run(
      [`cat ${homeA}/notes.txt`, `ls ${settings.labsDir}`, "ls /home", "find / -path /proc -prune -o -path /usr -prune -o -name notes.txt -print", "echo END"].join("; "),
    );
    expect(probe.output).not.toContain(secret);
    expect(probe.output).toMatch(/learner\nEND\n$/);
  });

  it("shows a lab only its own processes", async () => {
    const [a, b] = accounts();
    const labA = await startLab(a);
    const labB = await startLab(b);
    const marker = 4242 + Math.floor(Math.random() * 1000);
    await labA.run(`(sleep ${marker} &) ; echo started`);
    const seen = await labB.run(`ls -d /proc/[0-9]* | wc -l; cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\\0' ' '; echo; echo END`);
    const [count] = seen.output.split("\n");
    expect(Number(count)).toBeLessThan(8);
    expect(seen.output).not.toContain(`sleep ${marker}`);
    for (const name of ["sshd", "mariadbd", "redis-server", "node"]) expect(seen.output).not.toContain(name);
  });

  it("refuses every network connection, to the database, Redis, the app and the lab host alike", async () => {
    const [a] = accounts();
    const lab = await startLab(a);
    const p = profile("test");
    const ports = [p.mysqlPort, p.redisPort, p.gatewayPort, appPort, settings.sshPort];
    // The ports are open to the host: a refusal below is the sandbox's doing.
    for (const port of ports) expect(await portOpen(port)).toBe(true);
    const script = ports.map((port) => `(echo > /dev/tcp/127.0.0.1/${port}) 2>/dev/null && echo OPEN-${port} || echo SHUT-${port}`).join("; ");
    const result = await lab.run(`${script}; curl -sS --max-time 3 http://127.0.0.1:${appPort}/ 2>&1; getent hosts example.com || echo NO-DNS`);
    for (const port of ports) expect(result.output).toContain(`SHUT-${port}`);
    expect(result.output).not.toContain("OPEN-");
    expect(result.output).not.toMatch(/^app$/m);
    expect(result.output).toContain("NO-DNS");
  });

  it("gives no way up: no capabilities, no new privileges, no setuid, no user namespaces, read-only system", async () => {
    const [a] = accounts();
    const lab = await startLab(a);
    const result = await lab.run(
      [
        "grep -E '^(CapEff|CapPrm|NoNewPrivs)' /proc/self/status",
        "su -c id root </dev/null 2>&1 | tail -1; echo su=$?",
        "sudo -n id 2>&1 | tail -1",
        "unshare -Ur id 2>&1 | tail -1",
        "touch /usr/bin/xuefu-owned 2>&1 | tail -1",
        "ls /etc/shadow 2>&1",
        "cp /usr/bin/id ./myid && chmod u+s ./myid && ./myid -u",
        "grep -c nosuid /proc/self/mountinfo",
        "echo END",
      ].join("; "),
    );
    expect(result.output).toContain("CapEff:\t0000000000000000");
    expect(result.output).toContain("CapPrm:\t0000000000000000");
    expect(result.output).toContain("NoNewPrivs:\t1");
    expect(result.output).not.toMatch(/uid=0\(/);
    expect(result.output).toMatch(/unshare: .*(Operation not permitted|No space left|Permission denied)/);
    expect(result.output).toMatch(/touch: .*Read-only file system/);
    expect(result.output).toMatch(/ls: cannot access '\/etc\/shadow'/);
    expect(result.output).not.toMatch(/^0$/m);
  });

  it("contains a fork bomb to its process limit while another lab keeps answering", async () => {
    const [a, b] = accounts();
    const bomb = await startLab(a, { processes: 40 });
    const calm = await startLab(b);
    // Counted first: how many processes the lab can really hold.
    const counted = await bomb.run("n=0; for i in $(seq 200); do sleep 30 & n=$((n+1)); done 2>/dev/null; sleep 1; ls -d /proc/[0-9]* | wc -l", 30_000);
    expect(Number(counted.output.trim().split("\n").pop())).toBeLessThanOrEqual(40);
    releaseLab(settings, a);
    const bomb2 = await startLab(a, { processes: 40 });
    const running = bomb2.run(":(){ :|:& };: ; sleep 4", 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    const started = Date.now();
    const answer = await calm.run("echo still-here");
    expect(answer.output).toBe("still-here\n");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(labUsage(settings, a).processes ?? 0).toBeLessThanOrEqual(40);
    releaseLab(settings, a);
    await running;
  }, 60_000);

  it("holds a memory balloon to the lab's memory (cgroup), not the host's", async () => {
    const [a, b] = accounts();
    const lab = await startLab(a, { memoryMb: 128 });
    const calm = await startLab(b);
    // Three processes of 100 MB each pass the per-process limit; together they pass the lab's 128 MB.
    const result = await lab.run(`for i in 1 2 3; do perl -e '$x = "x" x (100*1024*1024); sleep 3; print "HELD\\n"' & done; wait; echo END`, 30_000);
    const held = result.output.split("\n").filter((line) => line === "HELD").length;
    expect(held).toBeLessThan(3);
    expect((await calm.run("echo fine")).output).toBe("fine\n");
  }, 40_000);

  it("stops a disk fill at the lab's disk quota, in its home and in /tmp", async () => {
    const [a] = accounts();
    const lab = await startLab(a, { diskMb: 16 });
    const result = await lab.run(
      [
        "dd if=/dev/zero of=big bs=1M count=100 2>/dev/null; echo ONE=$(du -m big | cut -f1)",
        "for i in 1 2 3 4 5 6; do dd if=/dev/zero of=part$i bs=1M count=10 2>/dev/null; done; echo ALL=$(du -sm . | cut -f1)",
        "dd if=/dev/zero of=/tmp/big bs=1M count=100 2>/dev/null; echo TMP=$(du -m /tmp/big | cut -f1)",
      ].join("\n"),
      30_000,
    );
    const figure = (name: string) => Number(new RegExp(`^${name}=(\\d+)$`, "m").exec(result.output)?.[1]);
    const [one, all, tmp] = [figure("ONE"), figure("ALL"), figure("TMP")];
    expect([one, all, tmp].every(Number.isFinite), result.output).toBe(true);
    expect(one).toBeLessThanOrEqual(16);
    expect(all).toBeLessThanOrEqual(17);
    expect(tmp).toBeLessThanOrEqual(32);
  });

  it("ends a process that spins past the lab's CPU time", async () => {
    const [a] = accounts();
    const lab = await startLab(a, { cpuSeconds: 10 });
    const started = Date.now();
    // prlimit sets the same limit for the shell; the loop runs in a child, so the check survives.
    const result = await lab.run("timeout 25 bash -c 'while :; do :; done'; echo rc=$?", 40_000);
    // Killed by SIGXCPU / SIGKILL (rc 137/152) well before timeout's 124; at half a core, 10 s of CPU take ~20 s.
    expect(result.output).toMatch(/rc=(137|152)/);
    expect(Date.now() - started).toBeLessThan(24_000);
  }, 45_000);

  it("accepts a session's key only for its own account, only while leased, and runs nothing but its modes", async () => {
    const [a, b] = accounts();
    const lab = await startLab(a);
    const other = await startLab(b);
    // A's key on B's account.
    await expect(connectLab(settings, b, lab.keys, 5_000)).rejects.toThrow(/authentication/i);
    expect((await runMode(lab.client, "check")).code).toBe(0);
    const arbitrary = await new Promise<string>((resolve) => {
      lab.client.exec("cat /etc/passwd", (error, channel) => {
        if (error) return resolve(String(error));
        let out = "";
        channel.on("data", (d: Buffer) => (out += d));
        channel.stderr.on("data", (d: Buffer) => (out += d));
        channel.on("close", () => resolve(out));
      });
    });
    expect(arbitrary).toContain("Unknown lab command.");
    // Port forwarding is off for lab accounts.
    await expect(
      new Promise((resolve, reject) => lab.client.forwardOut("127.0.0.1", 1, "127.0.0.1", profile("test").redisPort, (error, channel) => (error ? reject(error) : resolve(channel)))),
    ).rejects.toThrow();
    releaseLab(settings, a);
    await expect(connectLab(settings, a, lab.keys, 5_000)).rejects.toThrow(/authentication/i);
    expect((await other.run("echo ok")).output).toBe("ok\n");
  });
});
