// npm run services:start | services:stop | services:status — the private MariaDB, Redis, REST gateway, OAuth
// sign-in stand-in, payments sandbox and lab host.
// Pass --test to act on the test profile instead of development.
import { loadEnvConfig } from "@next/env";
import { gatewayUrl } from "./local/gateway";
import { mariadbRunning } from "./local/mariadb";
import { oauthStandinUrl } from "./local/oauth-service";
import { paymentSandboxUrl } from "./local/payment-sandbox-service";
import { profile, projectRoot, type ProfileName } from "./local/profile";
import { portOpen } from "./local/proc";
import { redisPing, redisRunning } from "./local/redis";
import { startServices, stopServices } from "./local/services";

const log = (msg: string) => console.log(`[services] ${msg}`);

async function main(): Promise<void> {
  const command = process.argv[2];
  const name: ProfileName = process.argv.includes("--test") ? "test" : "dev";
  switch (command) {
    case "start": {
      loadEnvConfig(projectRoot, true);
      const env = await startServices(name, { log, given: process.env });
      log(`Ready. MariaDB: ${env.DATABASE_URL.replace(/:[^:@/]+@/, ":***@")}  Redis: ${env.REDIS_URL}  REST: ${env.UPSTASH_REDIS_REST_URL}`);
      break;
    }
    case "stop":
      await stopServices(name, log);
      log("Stopped.");
      break;
    case "status": {
      const p = profile(name);
      log(`MariaDB  127.0.0.1:${p.mysqlPort}  ${(await mariadbRunning(p)) ? "running" : "stopped"}`);
      log(`Redis    127.0.0.1:${p.redisPort}  ${(await redisRunning(p)) && (await redisPing(p.redisPort)) ? "running" : "stopped"}`);
      log(`Gateway  ${gatewayUrl(p)}`);
      log(`OAuth    ${oauthStandinUrl(p)} (the QQ / WeChat / Weibo stand-in, when no OAUTH_* is configured)`);
      log(`Labs     127.0.0.1:${p.labSshPort}  ${(await portOpen(p.labSshPort)) ? "running" : "stopped"} (the lab host's sshd; needs root)`);
      log(`Payments ${paymentSandboxUrl(p)} (the Alipay / WeChat Pay / UnionPay sandbox, when no payment setting is configured)`);
      break;
    }
    default:
      console.error("usage: tsx scripts/services.ts start|stop|status [--test]");
      process.exit(2);
  }
}

main().catch((error: unknown) => {
  console.error(`[services] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
