// Where each set of local services lives. `dev` is what `npm run dev` uses; `test` is a separate set that
// `npm test` starts, so tests never touch development data; `stack` is the production topology on this
// machine (`npm run stack`, scripts/stack/), with its own data under .data/stack.
import path from "node:path";

export type ProfileName = "dev" | "test" | "stack";

export interface Profile {
  name: ProfileName;
  /** Root of this profile's private state. */
  dataDir: string;
  mysqlDir: string;
  redisDir: string;
  runDir: string;
  logDir: string;
  secretsFile: string;
  mysqlPort: number;
  redisPort: number;
  gatewayPort: number;
  /** The local QQ / WeChat / Weibo sign-in stand-in (scripts/local/oauth-service.ts). */
  oauthPort: number;
  /** The local Alipay / WeChat Pay / UnionPay sandbox (scripts/local/payment-sandbox-service.ts). */
  paymentPort: number;
  database: string;
  dbUser: string;
  /** The lab host (scripts/local/labs.ts): its private sshd on loopback, its state, its pool of accounts. */
  labsDir: string;
  labSshPort: number;
  labAccounts: string[];
  /** Development Redis keeps an append-only file so data survives restarts; the test Redis keeps nothing. */
  redisPersistent: boolean;
}

export const projectRoot = path.resolve(__dirname, "..", "..");

const portFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`${name} must be a port number between 1024 and 65535, got "${raw}"`);
  }
  return port;
};

/** XUEFU_MYSQL_PORT for dev, XUEFU_TEST_MYSQL_PORT for test, XUEFU_STACK_MYSQL_PORT for the stack. */
export const portVar = (name: ProfileName, base: string) => (name === "dev" ? `XUEFU_${base}` : `XUEFU_${name.toUpperCase()}_${base}`);

export function profile(name: ProfileName): Profile {
  const root = path.join(projectRoot, ".data");
  const dataDir = name === "dev" ? root : path.join(root, name);
  const offset = { dev: 0, test: 10, stack: 100 }[name];
  return {
    name,
    dataDir,
    mysqlDir: path.join(dataDir, "mysql"),
    redisDir: path.join(dataDir, "redis"),
    runDir: path.join(dataDir, "run"),
    logDir: path.join(dataDir, "log"),
    secretsFile: path.join(dataDir, "secrets.json"),
    mysqlPort: portFromEnv(portVar(name, "MYSQL_PORT"), 3307 + offset),
    redisPort: portFromEnv(portVar(name, "REDIS_PORT"), 6380 + offset),
    gatewayPort: portFromEnv(portVar(name, "GATEWAY_PORT"), 8079 + offset),
    oauthPort: portFromEnv(portVar(name, "OAUTH_PORT"), 8099 + offset),
    paymentPort: portFromEnv(portVar(name, "PAYMENT_PORT"), 8098 + offset),
    database: { dev: "xuefu", test: "xuefu_test", stack: "xuefu_stack" }[name],
    dbUser: "xuefu",
    labsDir: path.join(dataDir, "labs"),
    labSshPort: portFromEnv(portVar(name, "LAB_SSH_PORT"), 2222 + offset),
    // Separate pools, so a test run never kills a development lab.
    labAccounts: Array.from({ length: 8 }, (_, i) => `xuefu-lab${{ dev: "", test: "t", stack: "s" }[name]}-${String(i + 1).padStart(2, "0")}`),
    redisPersistent: name !== "test",
  };
}
