// Completes package-lock.json with the other platforms' native packages (darwin, win32, musl, ...).
//
// Why: npm leaves an optional dependency out of the lock file when it cannot fetch that package's
// metadata, and the registry mirror this project is developed against holds only the Linux builds of some
// native packages (Next's SWC, rollup, unrs-resolver, ...). `npm ci` then refuses the lock file as out of sync.
// This script adds an entry for each missing platform package, marked optional with the os/cpu/libc read
// from its name, so `npm ci` on Linux skips it without fetching and other platforms fetch it as usual.
// Run it after `npm install` changes the lock file: `npm run lock:complete`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const lockPath = path.join(root, "package-lock.json");

interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
  [key: string]: unknown;
}

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "openharmony", "netbsd", "sunos", "aix", "wasm32"];
const CPU = ["arm64", "x64", "ia32", "arm", "ppc64", "riscv64", "s390x", "loong64", "mips64el", "wasm32"];

function platformOf(name: string): Pick<LockEntry, "os" | "cpu" | "libc"> {
  const parts = name.split("/").pop()!.split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) throw new Error(`Cannot tell the platform of ${name}; add it to the lock file by hand.`);
  const libc = parts.includes("musl") || parts.includes("musleabihf") ? ["musl"] : parts.includes("gnu") || parts.includes("gnueabihf") ? ["glibc"] : undefined;
  return { os: [os === "wasm32" ? "none" : os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const lock = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { packages: Record<string, LockEntry> };
let added = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${where ? `${where}/` : ""}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue; // only exact pins, as native packages use
    lock.packages[`node_modules/${dep}`] = { version: spec, ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(dep) };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, JSON.stringify({ ...lock, packages: sorted }, null, 2) + "\n");
console.log(`Added ${added} platform package entries to package-lock.json.`);
execFileSync("npm", ["ci", "--dry-run", "--ignore-scripts"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
console.log("npm ci accepts the lock file.");
