// Starts and stops one profile's local services and answers the settings the app needs to reach them.
// For `dev`, settings already given (in the environment or .env / .env.local) win: with DATABASE_URL set no
// MariaDB is started, with UPSTASH_REDIS_REST_URL and REDIS_URL set no Redis or gateway is started, and with
// any OAUTH_* variable set (real QQ / WeChat / Weibo apps) no sign-in stand-in is started.
import { TOOLS, ensureTools, type Tool } from "./packages";
import { gatewayUrl, startGateway, stopGateway } from "./gateway";
import { startLabHost, stopLabHost, type LabEnv } from "./labs";
import { mariadbUrl, startMariadb, stopMariadb } from "./mariadb";
import { OAUTH_ENV_NAMES, startOAuthService, stopOAuthService, type OAuthEnv } from "./oauth-service";
import { PAYMENT_ENV_NAMES, startPaymentSandboxService, stopPaymentSandboxService, type PaymentEnv } from "./payment-sandbox-service";
import { profile, type ProfileName } from "./profile";
import { redisUrl, startRedis, stopRedis } from "./redis";
import { localSecrets } from "./secrets";

export type ServiceEnv = Record<
  "DATABASE_URL" | "UPSTASH_REDIS_REST_URL" | "UPSTASH_REDIS_REST_TOKEN" | "REDIS_URL" | "AUTH_SECRET" | "AUTH_JWT_KEYS" | "REDIS_KEY_PREFIX",
  string
> &
  // Present when the local sign-in stand-in plays the three providers.
  Partial<OAuthEnv> &
  // Present when the local payments sandbox plays Alipay, WeChat Pay and UnionPay.
  Partial<PaymentEnv> &
  // Present when this profile's lab host runs (hands-on labs; it needs root for its accounts and mounts).
  Partial<LabEnv>;

export interface StartOptions {
  log: (msg: string) => void;
  /** Settings given by the user; only honoured for the dev profile. */
  given?: Record<string, string | undefined>;
  /** Extra OS tools to make sure of in the same install step (e.g. Chromium for tests). */
  alsoEnsure?: Tool[];
}

export async function startServices(name: ProfileName, opts: StartOptions): Promise<ServiceEnv> {
  const p = profile(name);
  const given = name === "dev" ? (opts.given ?? {}) : {};
  const externalDb = Boolean(given.DATABASE_URL);
  const restGiven = Boolean(given.UPSTASH_REDIS_REST_URL);
  if (restGiven !== Boolean(given.REDIS_URL) || restGiven !== Boolean(given.UPSTASH_REDIS_REST_TOKEN)) {
    throw new Error(
      "Set UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN and REDIS_URL together (the web app talks REST, the worker TCP), or none of them to use the private Redis.",
    );
  }
  // ffmpeg: the worker transcodes uploaded videos and the seed makes its demo clips with it.
  // The lab host (hands-on labs) runs here unless one is configured elsewhere; it needs root.
  const labsHere = !given.LABS_SSH_HOST && process.getuid?.() === 0;
  const tools: Tool[] = [
    ...(externalDb ? [] : [TOOLS.mariadb, TOOLS.mariadbClient]),
    ...(restGiven ? [] : [TOOLS.redis]),
    TOOLS.ffmpeg,
    ...(labsHere ? [TOOLS.sshd, TOOLS.bubblewrap] : []),
    ...(opts.alsoEnsure ?? []),
  ];
  ensureTools(tools, opts.log);

  const secrets = localSecrets(p);
  if (!externalDb) await startMariadb(p, secrets, opts.log);
  if (!restGiven) {
    await startRedis(p, opts.log);
    await startGateway(p, redisUrl(p), secrets.gatewayToken, opts.log);
  }
  const realOAuth = OAUTH_ENV_NAMES.some((name) => given[name]?.trim());
  const oauth = realOAuth ? {} : await startOAuthService(p, secrets.oauthApps, opts.log);
  // Any payment setting given means real (or another sandbox's) providers: then no local sandbox.
  const realPayments = PAYMENT_ENV_NAMES.some((name) => given[name]?.trim());
  const payments = realPayments ? {} : await startPaymentSandboxService(p, secrets.paymentSandbox, opts.log);
  let labs: Partial<LabEnv> = {};
  if (labsHere) labs = await startLabHost(p, opts.log);
  else if (!given.LABS_SSH_HOST) opts.log("Hands-on labs are off: the local lab host needs root (it creates lab accounts and mounts their homes).");
  return {
    DATABASE_URL: given.DATABASE_URL || mariadbUrl(p, secrets),
    UPSTASH_REDIS_REST_URL: given.UPSTASH_REDIS_REST_URL || gatewayUrl(p),
    UPSTASH_REDIS_REST_TOKEN: given.UPSTASH_REDIS_REST_TOKEN || secrets.gatewayToken,
    REDIS_URL: given.REDIS_URL || redisUrl(p),
    AUTH_SECRET: given.AUTH_SECRET || secrets.authSecret,
    AUTH_JWT_KEYS: given.AUTH_JWT_KEYS || JSON.stringify(secrets.jwtKeys),
    REDIS_KEY_PREFIX: given.REDIS_KEY_PREFIX || (name === "test" ? "xuefu-test" : "xuefu"),
    ...oauth,
    ...payments,
    ...labs,
  };
}

export async function stopServices(name: ProfileName, log: (msg: string) => void): Promise<void> {
  const p = profile(name);
  if (await stopLabHost(p)) log(`Stopped the ${name} lab host's sshd.`);
  if (await stopPaymentSandboxService(p)) log(`Stopped the ${name} payments sandbox.`);
  if (await stopOAuthService(p)) log(`Stopped the ${name} OAuth sign-in stand-in.`);
  if (await stopGateway(p)) log(`Stopped the ${name} Redis REST gateway.`);
  if (await stopRedis(p)) log(`Stopped the ${name} Redis.`);
  if (await stopMariadb(p)) log(`Stopped the ${name} MariaDB.`);
}
