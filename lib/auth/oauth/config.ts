// Which social sign-in providers are enabled, from the environment. A provider is on when both its id and its
// secret are set, off when neither is, and a configuration error when only one is. Base URLs default to the
// real providers; development and tests point them at the local stand-in (scripts/local/oauth-standin.ts).
import "server-only";
import { isIP } from "node:net";
import { z } from "zod";
import { ConfigError } from "@/lib/config/env";
import type { OAuthProviderId, ProviderConfigs } from "./types";

type Env = Record<string, string | undefined>;

const isLoopback = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1";
};

/** https, or http to a loopback stand-in: access tokens and secrets never cross a network in clear. */
const baseUrl = (name: string, fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : fallback))
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return void ctx.addIssue({ code: "custom", message: `${name} must be a URL, got "${value}"` });
      }
      const ok = url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
      if (!ok) ctx.addIssue({ code: "custom", message: `${name} must be an https URL (http only for a loopback stand-in)` });
      if (url.search || url.hash) ctx.addIssue({ code: "custom", message: `${name} must not carry a query or fragment` });
    })
    .transform((value) => value.replace(/\/+$/, ""));

const secret = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const schema = z.object({
  OAUTH_QQ_APP_ID: secret,
  OAUTH_QQ_APP_KEY: secret,
  OAUTH_QQ_BASE_URL: baseUrl("OAUTH_QQ_BASE_URL", "https://graph.qq.com"),
  OAUTH_WECHAT_APP_ID: secret,
  OAUTH_WECHAT_APP_SECRET: secret,
  OAUTH_WECHAT_OPEN_URL: baseUrl("OAUTH_WECHAT_OPEN_URL", "https://open.weixin.qq.com"),
  OAUTH_WECHAT_API_URL: baseUrl("OAUTH_WECHAT_API_URL", "https://api.weixin.qq.com"),
  OAUTH_WEIBO_APP_KEY: secret,
  OAUTH_WEIBO_APP_SECRET: secret,
  OAUTH_WEIBO_BASE_URL: baseUrl("OAUTH_WEIBO_BASE_URL", "https://api.weibo.com"),
});

/** The pair of variables that switches each provider on. */
export const OAUTH_CREDENTIAL_VARIABLES = {
  qq: ["OAUTH_QQ_APP_ID", "OAUTH_QQ_APP_KEY"],
  wechat: ["OAUTH_WECHAT_APP_ID", "OAUTH_WECHAT_APP_SECRET"],
  weibo: ["OAUTH_WEIBO_APP_KEY", "OAUTH_WEIBO_APP_SECRET"],
} as const satisfies Record<OAuthProviderId, readonly [keyof z.infer<typeof schema>, keyof z.infer<typeof schema>]>;

/**
 * The enabled providers and their settings. Throws a ConfigError naming every bad variable, including both
 * halves of a provider that is only half configured.
 */
export function oauthProviders(env: Env): Partial<ProviderConfigs> {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);

  for (const [provider, [idName, secretName]] of Object.entries(OAUTH_CREDENTIAL_VARIABLES)) {
    const id = env[idName]?.trim();
    const key = env[secretName]?.trim();
    if (Boolean(id) !== Boolean(key)) {
      const [set, unset] = id ? [idName, secretName] : [secretName, idName];
      problems.push(`${set} is set but ${unset} is not: set both to enable ${provider} sign-in, or neither to disable it`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const e = parsed.data;
  const providers: Partial<ProviderConfigs> = {};
  if (e.OAUTH_QQ_APP_ID && e.OAUTH_QQ_APP_KEY) {
    providers.qq = { appId: e.OAUTH_QQ_APP_ID, appKey: e.OAUTH_QQ_APP_KEY, baseUrl: e.OAUTH_QQ_BASE_URL };
  }
  if (e.OAUTH_WECHAT_APP_ID && e.OAUTH_WECHAT_APP_SECRET) {
    providers.wechat = {
      appId: e.OAUTH_WECHAT_APP_ID,
      appSecret: e.OAUTH_WECHAT_APP_SECRET,
      openUrl: e.OAUTH_WECHAT_OPEN_URL,
      apiUrl: e.OAUTH_WECHAT_API_URL,
    };
  }
  if (e.OAUTH_WEIBO_APP_KEY && e.OAUTH_WEIBO_APP_SECRET) {
    providers.weibo = { appKey: e.OAUTH_WEIBO_APP_KEY, appSecret: e.OAUTH_WEIBO_APP_SECRET, baseUrl: e.OAUTH_WEIBO_BASE_URL };
  }
  return providers;
}
