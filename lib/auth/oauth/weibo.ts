// Weibo (微博) OAuth 2.0 sign-in:
//   1. the browser goes to {base}/oauth2/authorize?client_id&redirect_uri&response_type=code&state
//   2. POST {base}/oauth2/access_token, form: client_id, client_secret, grant_type=authorization_code, code,
//      redirect_uri → {access_token, expires_in, remind_in, uid} (uid is a string)
//   3. GET {base}/2/users/show.json?access_token&uid → {id, idstr, screen_name, profile_image_url, avatar_large, ...}
// Errors are `{error, error_code, request, error_description?}` with a 4xx status. Weibo uids are int64: `id`
// in users/show is a bare JSON number that can exceed 2^53, so only the strings (`uid`, `idstr`) are trusted.
import "server-only";
import { z } from "zod";
import { avatarUrl, badResponse, callProvider, checkAuthorizationParams, codeAndState, endpoint, expectShape, parseJsonObject } from "./http";
import { OAuthError, type AuthorizationParams, type ExchangeParams, type FetchImpl, type OAuthErrorCode, type ProviderProfile, type WeiboConfig } from "./types";

export const id = "weibo" as const;
export const label = "微博";

/** Weibo's OAuth 2.0 and API error codes that mean something specific to us. */
const ERROR_CODES: Record<number, OAuthErrorCode> = {
  21322: "redirect_mismatch", // redirect_uri_mismatch
  21324: "invalid_client", // invalid_client
  21325: "invalid_code", // invalid_grant: the code is invalid, expired or used
  21327: "invalid_token", // expired_token
  21332: "invalid_token", // invalid_access_token
  21330: "access_denied",
};

const weiboError = (step: string, body: Record<string, unknown>): OAuthError => {
  const code = Number(body.error_code);
  // `error` is a short name on OAuth endpoints ("invalid_grant") and a sentence on the API; the description
  // can quote the code we sent, so it is left out.
  const name = typeof body.error === "string" ? body.error.slice(0, 80) : "unknown error";
  return new OAuthError("weibo", ERROR_CODES[code] ?? (body.error === "access_denied" ? "access_denied" : "provider_error"), `Weibo ${step} refused the request with ${name} (${String(body.error_code)})`, Number.isFinite(code) ? code : undefined);
};

async function call(step: string, url: URL, init: { method?: "GET" | "POST"; form?: URLSearchParams }, fetchImpl: FetchImpl) {
  const answer = await callProvider("weibo", step, url, init, fetchImpl);
  const body = parseJsonObject(answer.text);
  if (!body) throw badResponse("weibo", step, answer, "answered with something that is not a JSON object");
  if (body.error_code !== undefined || body.error !== undefined) throw weiboError(step, body);
  if (answer.status < 200 || answer.status > 299) throw badResponse("weibo", step, answer, "failed without an error code");
  return { answer, body };
}

export function authorizationUrl(config: WeiboConfig, { state, redirectUri }: AuthorizationParams): string {
  checkAuthorizationParams("weibo", state, redirectUri);
  const query = { client_id: config.appKey, redirect_uri: redirectUri, response_type: "code", state };
  return endpoint(config.baseUrl, "/oauth2/authorize", query).toString();
}

/** A user who declines is sent back with error=access_denied&error_code=21330. */
export function parseCallback(query: URLSearchParams) {
  const error = query.get("error");
  const declined = error ? weiboError("authorization", { error, error_code: query.get("error_code") ?? undefined }) : null;
  return codeAndState("weibo", query, declined);
}

const uidString = z.union([z.string().regex(/^\d{1,20}$/), z.number().int().refine(Number.isSafeInteger).transform(String)]);
const tokenShape = z.object({ access_token: z.string().min(1), uid: uidString });
const userShape = z.object({
  idstr: z.string().regex(/^\d{1,20}$/),
  screen_name: z.string(),
  avatar_large: z.string().optional(),
  profile_image_url: z.string().optional(),
});

export async function fetchProfile(config: WeiboConfig, { code, redirectUri }: ExchangeParams, fetchImpl: FetchImpl = fetch): Promise<ProviderProfile> {
  const tokenStep = "/oauth2/access_token";
  const form = new URLSearchParams({
    client_id: config.appKey,
    client_secret: config.appSecret,
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
  });
  const token = await call(tokenStep, endpoint(config.baseUrl, "/oauth2/access_token"), { method: "POST", form }, fetchImpl);
  const grant = expectShape("weibo", tokenStep, token.answer, token.body, tokenShape);

  const userStep = "/2/users/show.json";
  const user = await call(userStep, endpoint(config.baseUrl, "/2/users/show.json", { access_token: grant.access_token, uid: grant.uid }), {}, fetchImpl);
  const info = expectShape("weibo", userStep, user.answer, user.body, userShape);
  if (info.idstr !== grant.uid) throw badResponse("weibo", userStep, user.answer, "described a different user than the token's");

  return {
    provider: "weibo",
    providerUserId: grant.uid,
    unionId: null,
    name: info.screen_name.trim() || "微博用户",
    avatarUrl: avatarUrl(info.avatar_large) ?? avatarUrl(info.profile_image_url),
  };
}
