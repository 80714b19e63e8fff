// QQ 互联 (QQ Connect) sign-in for websites, server-side flow:
//   1. the browser goes to {base}/oauth2.0/authorize?response_type=code&client_id&redirect_uri&state&scope
//   2. GET {base}/oauth2.0/token?grant_type=authorization_code&client_id&client_secret&code&redirect_uri
//      → classic answer `access_token=…&expires_in=…&refresh_token=…` (urlencoded, served as text/html);
//        errors come JSONP-wrapped: `callback( {"error":100020,"error_description":"…"} );`
//   3. GET {base}/oauth2.0/me?access_token&unionid=1 → `callback( {"client_id":"…","openid":"…","unionid":"…"} );`
//      (apps without the unionid grant get error 100048; we then ask again without it)
//   4. GET {base}/user/get_user_info?access_token&oauth_consumer_key&openid → JSON (as text/html) with ret=0
// Every body goes through one parser that accepts JSON, JSONP and urlencoded text, because QQ's content types
// and formats vary by endpoint, by `fmt` and between success and error.
import "server-only";
import { z } from "zod";
import {
  avatarUrl,
  badResponse,
  callProvider,
  checkAuthorizationParams,
  codeAndState,
  detail,
  endpoint,
  expectShape,
  parseJsonObject,
  type ProviderAnswer,
} from "./http";
import { OAuthError, type AuthorizationParams, type ExchangeParams, type FetchImpl, type OAuthErrorCode, type ProviderProfile, type QqConfig } from "./types";

export const id = "qq" as const;
export const label = "QQ";

/** QQ's public return codes (100000–100048) that mean something specific to us. */
const ERROR_CODES: Record<number, OAuthErrorCode> = {
  100008: "invalid_client", // appid does not exist
  100009: "invalid_client", // client_secret (appkey) is wrong
  100010: "redirect_mismatch", // redirect_uri is not the registered one
  100013: "invalid_token",
  100014: "invalid_token", // expired
  100015: "invalid_token", // revoked
  100016: "invalid_token", // check failed
  100019: "invalid_code", // code could not be exchanged (unknown or expired)
  100020: "invalid_code", // code already used
};
const NO_UNIONID_GRANT = 100048;

/**
 * A QQ body as a record: JSON, JSONP (`callback( {...} );`, any callback name, trailing commas tolerated) or
 * `a=1&b=2`. Null when it is none of these.
 */
export function parseQqBody(text: string): Record<string, unknown> | null {
  const trimmed = text.trim();
  const jsonp = /^[\w$.]+\s*\(\s*([\s\S]*?)\s*\)\s*;?$/.exec(trimmed);
  const inner = jsonp?.[1] ?? trimmed;
  if (inner.startsWith("{")) return parseJsonObject(inner);
  if (jsonp || !/^[\w.]+=/.test(inner) || /[\s<>]/.test(inner)) return null;
  return Object.fromEntries(new URLSearchParams(inner));
}

const qqError = (step: string, codeValue: unknown, description: unknown): OAuthError => {
  const code = Number(codeValue);
  return new OAuthError("qq", ERROR_CODES[code] ?? "provider_error", `QQ ${step} refused the request with error ${String(codeValue)}${detail(description)}`, Number.isFinite(code) ? code : String(codeValue));
};

async function call(step: string, url: URL, fetchImpl: FetchImpl): Promise<{ answer: ProviderAnswer; body: Record<string, unknown> }> {
  const answer = await callProvider("qq", step, url, {}, fetchImpl);
  const body = parseQqBody(answer.text);
  if (!body) throw badResponse("qq", step, answer, "answered with something that is neither JSON, JSONP nor a form");
  return { answer, body };
}

export function authorizationUrl(config: QqConfig, { state, redirectUri }: AuthorizationParams): string {
  checkAuthorizationParams("qq", state, redirectUri);
  const query = { response_type: "code", client_id: config.appId, redirect_uri: redirectUri, state, scope: "get_user_info" };
  return endpoint(config.baseUrl, "/oauth2.0/authorize", query).toString();
}

/** QQ's PC flow has no "declined" redirect; its mobile flow sends usercancel=1, and errors arrive as code+msg. */
export function parseCallback(query: URLSearchParams) {
  const cancelled = (query.get("usercancel") ?? "0") !== "0";
  const errorMsg = query.get("msg");
  const declined = cancelled
    ? new OAuthError("qq", "access_denied", "The user cancelled QQ sign-in")
    : errorMsg !== null
      ? qqError("authorization", query.get("code"), errorMsg)
      : null;
  return codeAndState("qq", query, declined);
}

const tokenShape = z.object({ access_token: z.string().min(1) });
const meShape = z.object({ client_id: z.coerce.string(), openid: z.string().min(1), unionid: z.string().min(1).optional() });
const userShape = z.object({
  nickname: z.string(),
  figureurl_qq_2: z.string().optional(),
  figureurl_qq_1: z.string().optional(),
});

export async function fetchProfile(config: QqConfig, { code, redirectUri }: ExchangeParams, fetchImpl: FetchImpl = fetch): Promise<ProviderProfile> {
  const tokenStep = "token endpoint";
  const tokenQuery = { grant_type: "authorization_code", client_id: config.appId, client_secret: config.appKey, code, redirect_uri: redirectUri };
  const token = await call(tokenStep, endpoint(config.baseUrl, "/oauth2.0/token", tokenQuery), fetchImpl);
  if (token.body.error !== undefined) throw qqError(tokenStep, token.body.error, token.body.error_description);
  const accessToken = expectShape("qq", tokenStep, token.answer, token.body, tokenShape).access_token;

  const meStep = "/oauth2.0/me";
  const askMe = (unionid: boolean) =>
    call(meStep, endpoint(config.baseUrl, "/oauth2.0/me", { access_token: accessToken, ...(unionid ? { unionid: "1" } : {}) }), fetchImpl);
  let me = await askMe(true);
  if (Number(me.body.error) === NO_UNIONID_GRANT) me = await askMe(false);
  if (me.body.error !== undefined) throw qqError(meStep, me.body.error, me.body.error_description);
  const identity = expectShape("qq", meStep, me.answer, me.body, meShape);
  if (identity.client_id !== config.appId) throw badResponse("qq", meStep, me.answer, "named a different app than ours");

  const userStep = "get_user_info";
  const userQuery = { access_token: accessToken, oauth_consumer_key: config.appId, openid: identity.openid };
  const user = await call(userStep, endpoint(config.baseUrl, "/user/get_user_info", userQuery), fetchImpl);
  const ret = Number(user.body.ret);
  if (user.body.ret === undefined || !Number.isInteger(ret)) throw badResponse("qq", userStep, user.answer, "answered without a ret code");
  if (ret !== 0) throw qqError(userStep, user.body.ret, user.body.msg);
  const info = expectShape("qq", userStep, user.answer, user.body, userShape);

  return {
    provider: "qq",
    providerUserId: identity.openid,
    unionId: identity.unionid ?? null,
    name: info.nickname.trim() || "QQ用户",
    avatarUrl: avatarUrl(info.figureurl_qq_2) ?? avatarUrl(info.figureurl_qq_1),
  };
}
