// The production topology on one machine: what runs, on which loopback port, with which settings.
//
//   nginx :8080 ── web-1 :3301 ┐                      MariaDB primary :3407 ──binlog/GTID──▶ replica :3408
//               ├─ web-2 :3302 ├─ MySQL, Redis ──▶     Redis master :6480 ──▶ replica :6481, Sentinels :26480-2
//               └─ /ws ▶ gateway :3310                 REST gateway :8179 (follows the master through Sentinel)
//   worker (BullMQ), all under Supervisor; the payment and sign-in stand-ins play the outside providers.
//
// Everything lives under .data/stack. Ports can be moved with XUEFU_STACK_* variables (scripts/local/profile.ts
// for the shared ones; STACK_HTTP_PORT for nginx).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { mariadbUrl } from "../local/mariadb";
import { paymentSandboxEnv } from "../local/payment-sandbox-keys";
import { paymentSandboxUrl } from "../local/payment-sandbox-service";
import { profile, projectRoot, type Profile } from "../local/profile";
import { localSecrets, type LocalSecrets } from "../local/secrets";

export const stackProfile: Profile = profile("stack");

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const topology = {
  httpPort: port("STACK_HTTP_PORT", 8080),
  webPorts: [3301, 3302],
  realtimePort: 3310,
  mysql: { primary: stackProfile.mysqlPort, replica: stackProfile.mysqlPort + 1 },
  redis: { master: stackProfile.redisPort, replica: stackProfile.redisPort + 1 },
  sentinelPorts: [26480, 26481, 26482],
  sentinelMaster: "xuefu",
  /** Sentinels that must agree a master is down before a failover. */
  quorum: 2,
  restPort: stackProfile.gatewayPort,
  distDir: ".next-stack",
} as const;

export const dirs = {
  root: stackProfile.dataDir,
  run: stackProfile.runDir,
  log: stackProfile.logDir,
  mysqlPrimary: path.join(stackProfile.dataDir, "mysql-primary"),
  mysqlReplica: path.join(stackProfile.dataDir, "mysql-replica"),
  redis: stackProfile.redisDir,
  nginx: path.join(stackProfile.dataDir, "nginx"),
  uploads: path.join(stackProfile.dataDir, "uploads"),
  envFile: path.join(stackProfile.dataDir, "app.env"),
  supervisorConf: path.join(stackProfile.dataDir, "supervisord.conf"),
  dist: path.join(projectRoot, topology.distDir),
};

export const mysqlSocket = (role: "primary" | "replica") => path.join(dirs.run, `mysql-${role}.sock`);

export interface StackSecrets {
  /** The replica's account on the primary. */
  replicationPassword: string;
  /** Server actions' encryption key, the same for every instance of one build (base64, 32 bytes). */
  serverActionsKey: string;
}

export interface Stack {
  local: LocalSecrets;
  stack: StackSecrets;
}

export function stackSecrets(): Stack {
  const local = localSecrets(stackProfile);
  const file = path.join(dirs.root, "stack-secrets.json");
  let stack: StackSecrets;
  try {
    stack = JSON.parse(fs.readFileSync(file, "utf8")) as StackSecrets;
  } catch {
    stack = { replicationPassword: randomBytes(18).toString("base64url"), serverActionsKey: randomBytes(32).toString("base64") };
    fs.mkdirSync(dirs.root, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stack, null, 2), { mode: 0o600 });
  }
  return { local, stack };
}

export const primaryUrl = (s: Stack) => mariadbUrl(stackProfile, s.local);
export const replicaUrl = (s: Stack) => primaryUrl(s).replace(`:${topology.mysql.primary}/`, `:${topology.mysql.replica}/`);
export const publicUrl = () => `http://localhost:${topology.httpPort}`;

/** Every setting the app's processes get (web, worker, gateway), written to one environment file. */
export function appEnv(s: Stack, oauth: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: topology.distDir,
    APP_URL: publicUrl(),
    DATABASE_URL: primaryUrl(s),
    DATABASE_REPLICA_URLS: replicaUrl(s),
    UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${topology.restPort}`,
    UPSTASH_REDIS_REST_TOKEN: s.local.gatewayToken,
    REDIS_URL: `redis://127.0.0.1:${topology.redis.master}`,
    REDIS_SENTINELS: topology.sentinelPorts.map((p) => `127.0.0.1:${p}`).join(","),
    REDIS_SENTINEL_MASTER: topology.sentinelMaster,
    REDIS_KEY_PREFIX: "xuefu",
    AUTH_SECRET: s.local.authSecret,
    AUTH_JWT_KEYS: JSON.stringify(s.local.jwtKeys),
    // nginx on this host is the only proxy; it replaces X-Forwarded-For with the client's address.
    TRUSTED_PROXIES: "127.0.0.1",
    REALTIME_HOST: "127.0.0.1",
    REALTIME_PORT: String(topology.realtimePort),
    REALTIME_PUBLIC_URL: "/ws",
    UPLOAD_DIR: dirs.uploads,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: s.stack.serverActionsKey,
    LOG_LEVEL: "warn",
    // Mail and texts go to the log: the stack has no mail server (NOTIFY_SENDER in .env.example).
    NOTIFY_SENDER: "log",
    NOTIFY_LOG_IN_PRODUCTION: "allow",
    ...paymentSandboxEnv(s.local.paymentSandbox, paymentSandboxUrl(stackProfile)),
    ...oauth,
  };
}

/** KEY='value' lines a POSIX shell can source; single quotes inside values are closed, escaped and reopened. */
export function renderEnvFile(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([key, value]) => `export ${key}='${value.replace(/'/g, `'\\''`)}'`)
    .join("\n")
    .concat("\n");
}
