// Runs the QQ / WeChat / Weibo sign-in stand-in (oauth-standin-main.ts) as a background process for one
// profile, like the REST gateway, and answers the OAUTH_* settings that point the real clients at it.
import { daemonFiles, daemonRunning, spawnDaemon, stopDaemon } from "./daemon";
import { assertPortFree, waitFor } from "./proc";
import { portVar, type Profile } from "./profile";
import type { StandinApps } from "./secrets";

export const oauthStandinUrl = (p: Profile) => `http://127.0.0.1:${p.oauthPort}`;

/** Every variable the web app reads to enable the three providers and reach the stand-in. */
export const OAUTH_ENV_NAMES = [
  "OAUTH_QQ_APP_ID",
  "OAUTH_QQ_APP_KEY",
  "OAUTH_QQ_BASE_URL",
  "OAUTH_WECHAT_APP_ID",
  "OAUTH_WECHAT_APP_SECRET",
  "OAUTH_WECHAT_OPEN_URL",
  "OAUTH_WECHAT_API_URL",
  "OAUTH_WEIBO_APP_KEY",
  "OAUTH_WEIBO_APP_SECRET",
  "OAUTH_WEIBO_BASE_URL",
] as const;
export type OAuthEnv = Record<(typeof OAUTH_ENV_NAMES)[number], string>;

export function oauthStandinEnv(p: Profile, apps: StandinApps): OAuthEnv {
  const url = oauthStandinUrl(p);
  return {
    OAUTH_QQ_APP_ID: apps.qq.appId,
    OAUTH_QQ_APP_KEY: apps.qq.appKey,
    OAUTH_QQ_BASE_URL: `${url}/qq`,
    OAUTH_WECHAT_APP_ID: apps.wechat.appId,
    OAUTH_WECHAT_APP_SECRET: apps.wechat.appSecret,
    OAUTH_WECHAT_OPEN_URL: `${url}/wechat-open`,
    OAUTH_WECHAT_API_URL: `${url}/wechat-api`,
    OAUTH_WEIBO_APP_KEY: apps.weibo.appKey,
    OAUTH_WEIBO_APP_SECRET: apps.weibo.appSecret,
    OAUTH_WEIBO_BASE_URL: `${url}/weibo`,
  };
}

/** Any HTTP answer below 500 (an unknown path is a 404) means the stand-in is listening. */
async function answers(p: Profile): Promise<boolean> {
  const res = await fetch(`${oauthStandinUrl(p)}/`, { signal: AbortSignal.timeout(1000) });
  await res.body?.cancel();
  return res.status < 500;
}

export async function startOAuthService(p: Profile, apps: StandinApps, log: (msg: string) => void): Promise<OAuthEnv> {
  const d = daemonFiles(p, "oauth-standin");
  const env = oauthStandinEnv(p, apps);
  if (daemonRunning(d)) {
    await waitFor("OAuth stand-in", () => answers(p), 10_000, d.logFile);
    return env;
  }
  await assertPortFree(p.oauthPort, "the OAuth sign-in stand-in", portVar(p.name, "OAUTH_PORT"));
  // Only the credential pairs: the stand-in derives its own base URLs from the port.
  const credentials = Object.fromEntries(Object.entries(env).filter(([name]) => !/_URL$/.test(name)));
  spawnDaemon(p, d, "oauth-standin-main.ts", { ...credentials, OAUTH_STANDIN_PORT: String(p.oauthPort) });
  log(`Starting the QQ / WeChat / Weibo sign-in stand-in on ${oauthStandinUrl(p)} ...`);
  await waitFor("OAuth stand-in", () => answers(p), 20_000, d.logFile);
  return env;
}

export const stopOAuthService = (p: Profile): Promise<boolean> => stopDaemon(daemonFiles(p, "oauth-standin"));
