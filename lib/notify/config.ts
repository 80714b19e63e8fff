// Which sender delivers notifications, validated like lib/config/env.ts (a ConfigError names every bad variable):
//   NOTIFY_SENDER=log      development and tests (the default there): a log line plus the /dev/mailbox page.
//                          Refused in production, where it would silently swallow every code, unless
//                          NOTIFY_LOG_IN_PRODUCTION=allow says so on purpose (staging, the end-to-end suite).
//   NOTIFY_SENDER=webhook  POSTs each message to NOTIFY_WEBHOOK_URL, signed with NOTIFY_WEBHOOK_SECRET, for
//                          the SMS/email gateway. Required in production.
import "server-only";
import { z } from "zod";
import { ConfigError, env, type Env } from "@/lib/config/env";

export type NotifyConfig = { sender: "log" } | { sender: "webhook"; webhookUrl: string; webhookSecret: string };

const schema = z.object({
  NOTIFY_SENDER: z.enum(["log", "webhook"], { error: "NOTIFY_SENDER must be log or webhook" }).optional(),
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "NOTIFY_WEBHOOK_URL must be an http or https URL" }).optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(32, "NOTIFY_WEBHOOK_SECRET must be at least 32 characters").optional(),
  NOTIFY_LOG_IN_PRODUCTION: z.enum(["allow"], { error: "NOTIFY_LOG_IN_PRODUCTION may only be allow" }).optional(),
});

export function parseNotifyConfig(source: Record<string, string | undefined>, nodeEnv: Env["NODE_ENV"]): NotifyConfig {
  const result = schema.safeParse(source);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const { NOTIFY_SENDER, NOTIFY_WEBHOOK_URL, NOTIFY_WEBHOOK_SECRET, NOTIFY_LOG_IN_PRODUCTION } = result.data;
  const sender = NOTIFY_SENDER ?? (nodeEnv === "production" ? undefined : "log");

  if (sender === undefined) throw new ConfigError(["NOTIFY_SENDER: is not set (production needs NOTIFY_SENDER=webhook)"]);
  if (sender === "log") {
    if (nodeEnv === "production" && !(NOTIFY_SENDER === "log" && NOTIFY_LOG_IN_PRODUCTION === "allow")) {
      throw new ConfigError(["NOTIFY_SENDER: log only writes messages to the log; production needs NOTIFY_SENDER=webhook"]);
    }
    return { sender };
  }
  const problems = [
    ...(NOTIFY_WEBHOOK_URL ? [] : ["NOTIFY_WEBHOOK_URL: is not set (needed by NOTIFY_SENDER=webhook)"]),
    ...(NOTIFY_WEBHOOK_SECRET ? [] : ["NOTIFY_WEBHOOK_SECRET: is not set (needed by NOTIFY_SENDER=webhook)"]),
  ];
  if (!NOTIFY_WEBHOOK_URL || !NOTIFY_WEBHOOK_SECRET) throw new ConfigError(problems);
  return { sender, webhookUrl: NOTIFY_WEBHOOK_URL, webhookSecret: NOTIFY_WEBHOOK_SECRET };
}

let cached: NotifyConfig | undefined;

/** The notification settings of this process. Throws a ConfigError naming every bad variable. */
export function notifyConfig(): NotifyConfig {
  cached ??= parseNotifyConfig(process.env, env().NODE_ENV);
  return cached;
}
