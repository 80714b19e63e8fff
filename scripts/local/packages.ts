// Makes sure the OS programs the local services need are installed. On Debian/Ubuntu as root (or with
// password-less sudo) they are installed from the OS packages; otherwise we print the exact command and stop.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

export interface Tool {
  /** What the tool is for, in the message a user sees. */
  label: string;
  /** Any one of these paths existing means the tool is installed. */
  binaries: string[];
  packages: string[];
}

export const TOOLS = {
  mariadb: {
    label: "MariaDB server and client",
    binaries: ["/usr/sbin/mariadbd"],
    packages: ["mariadb-server-core", "mariadb-client-core"],
  },
  mariadbClient: { label: "MariaDB client", binaries: ["/usr/bin/mariadb"], packages: ["mariadb-client-core"] },
  redis: { label: "Redis server", binaries: ["/usr/bin/redis-server"], packages: ["redis-server"] },
  chromium: { label: "Chromium (for the end-to-end tests)", binaries: ["/usr/bin/chromium"], packages: ["chromium"] },
  /** Without a CJK font, Chromium draws Chinese text as empty boxes in test screenshots. */
  cjkFonts: { label: "a Chinese font for Chromium", binaries: ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"], packages: ["fonts-wqy-microhei"] },
  /** Video transcoding (lib/media) and the demo clips the seed makes; Debian's build has x264 and AAC. */
  ffmpeg: { label: "ffmpeg (video transcoding)", binaries: ["/usr/bin/ffmpeg"], packages: ["ffmpeg"] },
  /** The lab host's private sshd (scripts/local/labs.ts); Debian's package, never its system service. */
  sshd: { label: "OpenSSH server (the hands-on lab host)", binaries: ["/usr/sbin/sshd"], packages: ["openssh-server"] },
  /** The sandbox every lab session runs in (lib/labs/lab-shell.sh). */
  bubblewrap: { label: "bubblewrap (the lab sandbox)", binaries: ["/usr/bin/bwrap"], packages: ["bubblewrap"] },
  /** The production topology on one machine (`npm run stack`): the load balancer and the process supervisor. */
  nginx: { label: "nginx (load balancer)", binaries: ["/usr/sbin/nginx"], packages: ["nginx"] },
  nginxBrotli: { label: "nginx's brotli module", binaries: ["/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so"], packages: ["libnginx-mod-http-brotli-filter"] },
  supervisor: { label: "Supervisor (process supervisor)", binaries: ["/usr/bin/supervisord"], packages: ["supervisor"] },
} satisfies Record<string, Tool>;

const installed = (tool: Tool) => tool.binaries.some((bin) => fs.existsSync(bin));

export class MissingToolsError extends Error {}

function canRun(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
}

export function ensureTools(tools: Tool[], log: (msg: string) => void): void {
  const missing = tools.filter((tool) => !installed(tool));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.flatMap((tool) => tool.packages))];
  const labels = missing.map((tool) => tool.label).join(", ");
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(" ")}`;

  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  const sudo = !isRoot && hasApt && canRun("sudo", ["-n", "true"]);
  if (!hasApt || (!isRoot && !sudo)) {
    throw new MissingToolsError(
      `Missing: ${labels}.\n` +
        (hasApt
          ? `Install them once with:\n\n  sudo sh -c '${command}'\n`
          : `Install ${packages.join(", ")} (or their equivalents) with your system's package manager, ` +
            `or point DATABASE_URL / UPSTASH_REDIS_REST_URL / REDIS_URL at running services (see .env.example).\n`),
    );
  }

  log(`Installing ${labels} from the OS packages: ${packages.join(" ")} (one time) ...`);
  const prefix = sudo ? ["sudo", "-n"] : [];
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd!, rest, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  // Debian starts a package's system-wide service on install; ours run privately under .data/, so a
  // policy-rc.d that declines service starts is put in place for the install and removed afterwards.
  const policy = "/usr/sbin/policy-rc.d";
  const addPolicy = !fs.existsSync(policy);
  try {
    if (addPolicy) run(["sh", "-c", `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod 755 ${policy}`]);
    // Another install (a second checkout's first run) may hold dpkg's lock: wait for it rather than fail.
    const lock = ["-o", "DPkg::Lock::Timeout=300"];
    run(["apt-get", ...lock, "update", "-qq"]);
    run(["apt-get", ...lock, "install", "-y", "-qq", "--no-install-recommends", ...packages]);
  } finally {
    if (addPolicy) run(["rm", "-f", policy]);
  }
  const still = missing.filter((tool) => !installed(tool));
  if (still.length > 0) {
    throw new MissingToolsError(`Installing ${packages.join(" ")} did not provide ${still.map((t) => t.binaries[0]).join(", ")}.`);
  }
}
