// WeChat Open Platform "website app" sign-in (网站应用微信登录), QR-code flow:
//   1. the browser goes to {open}/connect/qrconnect?appid&redirect_uri&response_type=code&scope=snsapi_login
//      &state#wechat_redirect (parameters in this order, the fragment included), the user scans and confirms
//   2. GET {api}/sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code
//      → {access_token, expires_in, refresh_token, openid, scope, unionid}
//   3. GET {api}/sns/userinfo?access_token&openid → {openid, nickname, headimgurl, unionid, ...}
// Errors are `{errcode, errmsg}` with HTTP 200, and bodies are often labelled text/plain: the status and the
// content type say nothing, so every body is parsed as JSON and checked for a non-zero errcode.
// The token call carries no redirect_uri: WeChat binds the redirect to the app's registered callback domain.
import "server-only";
import { z } from "zod";
import { avatarUrl, badResponse, callProvider, checkAuthorizationParams, codeAndState, detail, endpoint, expectShape, parseJsonObject } from "./http";
import { OAuthError, type AuthorizationParams, type ExchangeParams, type FetchImpl, type OAuthErrorCode, type ProviderProfile, type WechatConfig } from "./types";

export const id = "wechat" as const;
export const label = "微信";

/** WeChat global return codes that mean something specific to us. */
const ERROR_CODES: Record<number, OAuthErrorCode> = {
  40029: "invalid_code", // invalid code
  40163: "invalid_code", // code been used
  42003: "invalid_code", // code expired
  40013: "invalid_client", // invalid appid
  40125: "invalid_client", // invalid appsecret
  40001: "invalid_token", // invalid credential (access_token)
  40014: "invalid_token", // invalid access_token
  42001: "invalid_token", // access_token expired
};

async function call(step: string, url: URL, fetchImpl: FetchImpl) {
  const answer = await callProvider("wechat", step, url, {}, fetchImpl);
  const body = parseJsonObject(answer.text);
  if (!body) throw badResponse("wechat", step, answer, "answered with something that is not a JSON object");
  const errcode = body.errcode === undefined ? 0 : Number(body.errcode);
  if (!Number.isInteger(errcode)) throw badResponse("wechat", step, answer, "answered with a malformed errcode");
  if (errcode !== 0) {
    throw new OAuthError("wechat", ERROR_CODES[errcode] ?? "provider_error", `WeChat ${step} refused the request with errcode ${errcode}${detail(body.errmsg)}`, errcode);
  }
  return { answer, body };
}

export function authorizationUrl(config: WechatConfig, { state, redirectUri }: AuthorizationParams): string {
  checkAuthorizationParams("wechat", state, redirectUri);
  // Built by hand: WeChat documents a fixed parameter order, and the #wechat_redirect fragment is part of it.
  const query = [
    ["appid", config.appId],
    ["redirect_uri", redirectUri],
    ["response_type", "code"],
    ["scope", "snsapi_login"],
    ["state", state],
  ]
    .map(([name, value]) => `${name}=${encodeURIComponent(value ?? "")}`)
    .join("&");
  return `${config.openUrl}/connect/qrconnect?${query}#wechat_redirect`;
}

/** A user who declines is sent back with the state and no code. */
export function parseCallback(query: URLSearchParams) {
  const declined = !query.get("code") && query.get("state") ? new OAuthError("wechat", "access_denied", "The user declined WeChat sign-in") : null;
  return codeAndState("wechat", query, declined);
}

const tokenShape = z.object({ access_token: z.string().min(1), openid: z.string().min(1), unionid: z.string().min(1).optional() });
const userShape = z.object({
  openid: z.string().min(1),
  nickname: z.string(),
  headimgurl: z.string().optional(),
  unionid: z.string().min(1).optional(),
});

export async function fetchProfile(config: WechatConfig, { code }: ExchangeParams, fetchImpl: FetchImpl = fetch): Promise<ProviderProfile> {
  const tokenStep = "/sns/oauth2/access_token";
  const tokenQuery = { appid: config.appId, secret: config.appSecret, code, grant_type: "authorization_code" };
  const token = await call(tokenStep, endpoint(config.apiUrl, "/sns/oauth2/access_token", tokenQuery), fetchImpl);
  const grant = expectShape("wechat", tokenStep, token.answer, token.body, tokenShape);

  const userStep = "/sns/userinfo";
  const userQuery = { access_token: grant.access_token, openid: grant.openid, lang: "zh_CN" };
  const user = await call(userStep, endpoint(config.apiUrl, "/sns/userinfo", userQuery), fetchImpl);
  const info = expectShape("wechat", userStep, user.answer, user.body, userShape);
  if (info.openid !== grant.openid) throw badResponse("wechat", userStep, user.answer, "described a different openid than the token's");

  return {
    provider: "wechat",
    providerUserId: grant.openid,
    unionId: info.unionid ?? grant.unionid ?? null,
    name: info.nickname.trim() || "微信用户",
    avatarUrl: avatarUrl(info.headimgurl),
  };
}
