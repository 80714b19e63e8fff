// Entry point of the local QQ / WeChat / Weibo sign-in stand-in:
//   OAUTH_STANDIN_PORT=8091 OAUTH_QQ_APP_ID=… OAUTH_QQ_APP_KEY=… tsx scripts/local/oauth-standin-main.ts
// Plays every provider whose app id and secret are set (the same variables the web app reads, see
// lib/auth/oauth/config.ts). Logs one JSON line when listening, with the base URLs to give the web app; stops
// cleanly on SIGTERM / SIGINT.
import pino from "pino";
import { startOAuthStandin, type OAuthStandinOptions } from "./oauth-standin";

const logger = pino({ base: { service: "oauth-standin" }, timestamp: pino.stdTimeFunctions.isoTime });

/** Both halves of a credential pair, or neither; half a pair is a mistake worth stopping for. */
function pair(idName: string, secretName: string): [string, string] | undefined {
  const id = process.env[idName]?.trim();
  const secret = process.env[secretName]?.trim();
  if (!id && !secret) return undefined;
  if (!id || !secret) throw new Error(`${id ? idName : secretName} is set but ${id ? secretName : idName} is not: set both or neither`);
  return [id, secret];
}

async function main(): Promise<void> {
  const rawPort = process.env.OAUTH_STANDIN_PORT?.trim();
  if (!rawPort) throw new Error("OAUTH_STANDIN_PORT must be set (0 picks a free port)");
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`OAUTH_STANDIN_PORT must be a port number, got "${rawPort}"`);

  const apps: OAuthStandinOptions["apps"] = {};
  const qq = pair("OAUTH_QQ_APP_ID", "OAUTH_QQ_APP_KEY");
  if (qq) apps.qq = { appId: qq[0], appKey: qq[1] };
  const wechat = pair("OAUTH_WECHAT_APP_ID", "OAUTH_WECHAT_APP_SECRET");
  if (wechat) apps.wechat = { appId: wechat[0], appSecret: wechat[1] };
  const weibo = pair("OAUTH_WEIBO_APP_KEY", "OAUTH_WEIBO_APP_SECRET");
  if (weibo) apps.weibo = { appKey: weibo[0], appSecret: weibo[1] };
  if (!qq && !wechat && !weibo) {
    throw new Error("No provider to play: set OAUTH_QQ_APP_ID/OAUTH_QQ_APP_KEY, OAUTH_WECHAT_APP_ID/OAUTH_WECHAT_APP_SECRET or OAUTH_WEIBO_APP_KEY/OAUTH_WEIBO_APP_SECRET");
  }

  const standin = await startOAuthStandin({ port, apps, log: (msg, fields) => logger.error(fields ?? {}, msg) });
  const env = {
    ...(qq ? { OAUTH_QQ_BASE_URL: `${standin.url}/qq` } : {}),
    ...(wechat ? { OAUTH_WECHAT_OPEN_URL: `${standin.url}/wechat-open`, OAUTH_WECHAT_API_URL: `${standin.url}/wechat-api` } : {}),
    ...(weibo ? { OAUTH_WEIBO_BASE_URL: `${standin.url}/weibo` } : {}),
  };
  logger.info({ url: standin.url, port: standin.port, providers: Object.keys(apps), env }, "OAuth stand-in listening");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "OAuth stand-in shutting down");
    await standin.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, "OAuth stand-in failed to start");
  process.exit(1);
});
