// Entry point of the local Aliyun VOD stand-in (`npm run vod:standin`), listening on VOD_STANDIN_PORT (default
// 8097). It accepts the AccessKey pair and callback key the app is configured with (ALIYUN_VOD_ACCESS_KEY_ID,
// ALIYUN_VOD_ACCESS_KEY_SECRET, ALIYUN_VOD_CALLBACK_KEY), so pointing the app at it is
//   VIDEO_PROVIDER=aliyun ALIYUN_VOD_ENDPOINT=http://127.0.0.1:8097 ALIYUN_VOD_PLAY_ORIGIN=http://127.0.0.1:8097
// VOD_STANDIN_CDN_KEY is the CDN's type-A key (random per run when unset: the app never needs it), and
// VOD_STANDIN_DIR where uploads and renditions go (default .data/vod-standin). Reads .env when there is one.
// Stops on SIGTERM / SIGINT.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import { startVodStandin } from "./vod-standin";

const logger = pino({ base: { service: "vod-standin" }, timestamp: pino.stdTimeFunctions.isoTime });

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set: the stand-in accepts the credentials the app uses (see .env.example, VIDEO_PROVIDER=aliyun)`);
  return value;
}

async function main(): Promise<void> {
  // The same .env the app reads, when there is one (variables already set win).
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const port = Number(process.env.VOD_STANDIN_PORT ?? "8097");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("VOD_STANDIN_PORT must be a port number (0 picks a free port)");
  const standin = await startVodStandin({
    port,
    accessKeys: { [required("ALIYUN_VOD_ACCESS_KEY_ID")]: required("ALIYUN_VOD_ACCESS_KEY_SECRET") },
    callbackKey: required("ALIYUN_VOD_CALLBACK_KEY"),
    cdnKey: process.env.VOD_STANDIN_CDN_KEY?.trim() || randomBytes(16).toString("hex"),
    dataDir: path.resolve(process.env.VOD_STANDIN_DIR ?? path.join(process.cwd(), ".data", "vod-standin")),
    log: (msg, fields) => logger.error(fields ?? {}, msg),
  });
  logger.info({ url: standin.url, port: standin.port }, "Aliyun VOD stand-in listening");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Aliyun VOD stand-in shutting down");
    await standin.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ error: error instanceof Error ? error.message : String(error) }, "Aliyun VOD stand-in failed to start");
  process.exit(1);
});
