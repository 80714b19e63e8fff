// The processes of the stack as Supervisor programs, and the files they read (nginx, Redis and Sentinel
// configuration). The databases start with Supervisor; the app's processes (group "app") only once the
// databases are ready, migrated and the build is there (scripts/stack.ts starts them).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../local/profile";
import { dirs, mysqlSocket, topology } from "./topology";

export interface Program {
  name: string;
  command: string;
  /** Started by Supervisor itself (the databases), or later by the stack script (the app). */
  autostart: boolean;
  /** Seconds a stop may take before Supervisor kills the process. */
  stopwaitsecs?: number;
}

const node = process.execPath;
const tsx = (script: string) => `${node} --conditions=react-server --import tsx ${path.join(projectRoot, script)}`;
/** Runs a command with the app's environment file; exec, so Supervisor watches the program itself. */
const withEnv = (command: string) => `/bin/sh -c '. ${dirs.envFile} && exec ${command}'`;
const isRoot = () => process.getuid?.() === 0;

function mariadbArgs(role: "primary" | "replica"): string {
  const dataDir = role === "primary" ? dirs.mysqlPrimary : dirs.mysqlReplica;
  const args = [
    "--no-defaults",
    `--datadir=${dataDir}`,
    `--socket=${mysqlSocket(role)}`,
    `--pid-file=${path.join(dirs.run, `mysql-${role}.pid`)}`,
    `--log-error=${path.join(dirs.log, `mysql-${role}.err`)}`,
    `--port=${topology.mysql[role]}`,
    "--bind-address=127.0.0.1",
    `--user=${os.userInfo().username}`,
    "--skip-name-resolve",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
    "--default-time-zone=+00:00",
    "--innodb-buffer-pool-size=256M",
    "--max-connections=500",
    // Row-based binary log with global transaction ids on both sides, so the replica can be promoted.
    `--server-id=${role === "primary" ? 1 : 2}`,
    "--log-bin=mysql-bin",
    "--binlog-format=ROW",
    "--log-slave-updates=ON",
    "--gtid-strict-mode=ON",
    ...(role === "replica" ? ["--read-only=ON", "--relay-log=relay-bin", "--slave-parallel-threads=2"] : []),
  ];
  return `/usr/sbin/mariadbd ${args.join(" ")}`;
}

export function programs(): Program[] {
  const nginxConf = path.join(dirs.nginx, "nginx.conf");
  const next = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  return [
    { name: "mysql-primary", command: mariadbArgs("primary"), autostart: true, stopwaitsecs: 60 },
    { name: "mysql-replica", command: mariadbArgs("replica"), autostart: true, stopwaitsecs: 60 },
    { name: "redis-1", command: `/usr/bin/redis-server ${path.join(dirs.redis, "redis-1.conf")}`, autostart: true },
    { name: "redis-2", command: `/usr/bin/redis-server ${path.join(dirs.redis, "redis-2.conf")}`, autostart: true },
    ...topology.sentinelPorts.map((port, i) => ({
      name: `sentinel-${i + 1}`,
      command: `/usr/bin/redis-server ${path.join(dirs.redis, `sentinel-${i + 1}.conf`)} --sentinel`,
      autostart: true,
    })),
    {
      name: "redis-rest",
      command: withEnv(`env REDIS_URL="$REDIS_URL" UPSTASH_REDIS_REST_TOKEN="$UPSTASH_REDIS_REST_TOKEN" GATEWAY_PORT=${topology.restPort} ${node} --import tsx ${path.join(projectRoot, "scripts/local/redis-rest-gateway-main.ts")}`),
      autostart: true,
    },
    ...topology.webPorts.map((port, i) => ({
      name: `web-${i + 1}`,
      command: withEnv(`${node} ${next} start --port ${port} --hostname 127.0.0.1`),
      autostart: false,
    })),
    { name: "worker", command: withEnv(`env XUEFU_SERVICE=worker ${tsx("lib/jobs/worker-main.ts")}`), autostart: false, stopwaitsecs: 30 },
    { name: "gateway", command: withEnv(`env XUEFU_SERVICE=gateway ${tsx("lib/realtime/gateway-main.ts")}`), autostart: false },
    { name: "nginx", command: `/usr/sbin/nginx -c ${nginxConf} -g "daemon off;"`, autostart: false },
  ];
}

export const APP_PROGRAMS = ["web-1", "web-2", "worker", "gateway", "nginx"];

/** One file from a template under deploy/, with {{NAME}} replaced; an unknown name is an error. */
export function render(template: string, values: Record<string, string>): string {
  const text = fs.readFileSync(path.join(projectRoot, "deploy", template), "utf8");
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`deploy/${template}: no value for {{${name}}}`);
    return values[name]!;
  });
}

export function supervisorConf(): string {
  const head = render("supervisor/xuefu.conf", {
    LOG_DIR: dirs.log,
    RUN_DIR: dirs.run,
    USER_LINE: isRoot() ? "user=root" : "",
  });
  const sections = programs().map((p) =>
    [
      `[program:${p.name}]`,
      `command=${p.command.replace(/%/g, "%%")}`,
      `directory=${projectRoot}`,
      `autostart=${p.autostart}`,
      "autorestart=true",
      "startsecs=2",
      "startretries=100",
      `stopwaitsecs=${p.stopwaitsecs ?? 10}`,
      "stopasgroup=true",
      "killasgroup=true",
      "redirect_stderr=true",
      `stdout_logfile=${path.join(dirs.log, `${p.name}.log`)}`,
      "stdout_logfile_maxbytes=20MB",
      "stdout_logfile_backups=2",
    ].join("\n"),
  );
  return [head, ...sections].join("\n\n") + "\n";
}

export interface NginxOptions {
  /** Share of clients sent to the canary instances (0 = no canary). */
  canaryPercent: number;
  canaryPorts: number[];
  /** Looser request rates for load tests that come from few addresses. */
  rates?: Partial<Record<"SIGNIN_RATE" | "CODES_RATE" | "GRAB_RATE" | "API_RATE" | "SIGNIN_BURST" | "CODES_BURST" | "GRAB_BURST" | "API_BURST", string>>;
}

/** The edge's body and rate limits, the same in every rendering of the template (stack, Compose). */
export const EDGE_LIMITS = {
  UPLOAD_MAX: "4200m",
  SIGNIN_RATE: "20r/m",
  CODES_RATE: "6r/m",
  GRAB_RATE: "5r/s",
  API_RATE: "50r/s",
  SIGNIN_BURST: "10",
  CODES_BURST: "3",
  GRAB_BURST: "10",
  API_BURST: "100",
};

export function nginxConf(opts: NginxOptions): string {
  const servers = (ports: readonly number[]) => ports.map((port) => `    server 127.0.0.1:${port} max_fails=3 fail_timeout=3s;`).join("\n");
  const canary = opts.canaryPercent > 0 && opts.canaryPorts.length > 0;
  const text = render("nginx/xuefu.conf", {
    RUN_DIR: dirs.nginx,
    LOG_DIR: dirs.log,
    USER_LINE: isRoot() ? "user root;" : "",
    MODULES_DIR: "/usr/lib/nginx/modules",
    WEB_SERVERS: servers(topology.webPorts),
    // Without a canary the canary group is the stable one, and nobody is sent to it.
    CANARY_SERVERS: servers(canary ? opts.canaryPorts : topology.webPorts),
    CANARY_PERCENT: String(canary ? opts.canaryPercent : 0),
    REALTIME_SERVERS: `    server 127.0.0.1:${topology.realtimePort};`,
    LISTEN: `127.0.0.1:${topology.httpPort}`,
    DIST_DIR: dirs.dist,
    ...EDGE_LIMITS,
    ...opts.rates,
  });
  // split_clients takes no 0% line: without a canary every client goes to the stable group.
  return canary ? text : text.replace(/^\s*0% xuefu_canary;\n/m, "");
}

export function redisConfs(): Record<string, string> {
  const common = (port: number) => [`bind 127.0.0.1`, `port ${port}`, "protected-mode yes", `dir ${dirs.redis}`, "appendonly yes", "appendfsync everysec", 'save ""'];
  const files: Record<string, string> = {
    "redis-1.conf": [...common(topology.redis.master), "appendfilename redis-1.aof", "appenddirname redis-1-aof"].join("\n"),
    "redis-2.conf": [...common(topology.redis.replica), "appendfilename redis-2.aof", "appenddirname redis-2-aof", `replicaof 127.0.0.1 ${topology.redis.master}`].join("\n"),
  };
  topology.sentinelPorts.forEach((port, i) => {
    files[`sentinel-${i + 1}.conf`] = [
      "bind 127.0.0.1",
      `port ${port}`,
      `dir ${dirs.redis}`,
      `sentinel monitor ${topology.sentinelMaster} 127.0.0.1 ${topology.redis.master} ${topology.quorum}`,
      `sentinel down-after-milliseconds ${topology.sentinelMaster} 3000`,
      `sentinel failover-timeout ${topology.sentinelMaster} 10000`,
      `sentinel parallel-syncs ${topology.sentinelMaster} 1`,
    ].join("\n");
  });
  return files;
}
