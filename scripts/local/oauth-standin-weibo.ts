// Weibo as the stand-in plays it, under /weibo (set OAUTH_WEIBO_BASE_URL=<url>/weibo):
//   GET  /oauth2/authorize     client_id, redirect_uri, response_type=code, state
//   POST /oauth2/access_token  client_id, client_secret, grant_type=authorization_code, code, redirect_uri
//        (form body or query) → {access_token, remind_in, expires_in, uid, isRealName}; uid is a string
//   GET  /2/users/show.json    access_token, uid → {id, idstr, screen_name, name, profile_image_url, avatar_large, …}
// Errors are {error, error_code, request[, error_uri, error_description]} with a 4xx status. Authorize errors go
// back to a valid redirect_uri as ?error=…&error_code=…&error_description=…&state=…, else to an error page.
// `id` in users/show is written as a bare int64, like Weibo does, so uids past 2^53 lose precision as numbers.
import { randomInt } from "node:crypto";
import {
  acceptableRedirect,
  hex,
  secretMatches,
  withParams,
  type ProviderStandin,
  type Reply,
  type StandinStore,
} from "./oauth-standin-core";

export interface WeiboApp {
  appKey: string;
  appSecret: string;
}

const TOKEN_TTL_S = 157_679_999;
const JSON_TYPE = "application/json;charset=UTF-8";

const fail = (status: number, request: string, error: string, errorCode: number, description?: string): Reply => ({
  status,
  contentType: JSON_TYPE,
  body: JSON.stringify({
    error,
    error_code: errorCode,
    request,
    ...(description ? { error_uri: request, error_description: description } : {}),
  }),
});

export function weiboStandin(app: WeiboApp, store: StandinStore, redirectHosts?: readonly string[]): ProviderStandin {
  const accessToken = (method: string, params: URLSearchParams): Reply => {
    const request = "/oauth2/access_token";
    const oauthFail = (status: number, error: string, code: number, description: string) => fail(status, request, error, code, description);
    if (method !== "POST") return fail(400, request, "HTTP METHOD is not suported for this request!", 10021);
    const clientId = params.get("client_id");
    if (!clientId) return oauthFail(400, "invalid_request", 21323, "miss client id or secret");
    if (clientId !== app.appKey || !secretMatches(params.get("client_secret"), app.appSecret)) {
      return oauthFail(401, "invalid_client", 21324, "client id or secret is invalid");
    }
    if (params.get("grant_type") !== "authorization_code") return oauthFail(400, "unsupported_grant_type", 21328, "unsupported grant type");
    const code = params.get("code");
    const redirectUri = params.get("redirect_uri");
    if (!code || !redirectUri) return oauthFail(400, "invalid_request", 21323, "miss code or redirect_uri");
    const found = store.lookupCode(code);
    const invalidGrant = () => oauthFail(400, "invalid_grant", 21325, `invalid authorization code:${code}`);
    if (found.status !== "ok" && found.status !== "used") return invalidGrant();
    const { grant } = found;
    if (found.status === "used" || grant.provider !== "weibo" || grant.clientId !== clientId) return invalidGrant();
    if (grant.redirectUri !== redirectUri) return oauthFail(400, "redirect_uri_mismatch", 21322, "redirect_uri_mismatch");
    grant.used = true;
    const token = store.issueToken(`2.00${hex(15)}`, { provider: "weibo", clientId, identity: grant.identity }, TOKEN_TTL_S);
    const body = { access_token: token, remind_in: String(TOKEN_TTL_S), expires_in: TOKEN_TTL_S, uid: grant.identity.userId, isRealName: "true" };
    return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(body) };
  };

  const usersShow = (params: URLSearchParams): Reply => {
    const request = "/2/users/show.json";
    const value = params.get("access_token");
    if (!value) return fail(403, request, "auth faild!", 21301);
    const found = store.lookupToken(value);
    if (found.status === "expired") return fail(401, request, "expired_token", 21327);
    if (found.status === "unknown" || found.grant.provider !== "weibo") return fail(401, request, "invalid_access_token", 21332);
    const uid = params.get("uid");
    if (!uid) return fail(400, request, "miss required parameter (uid or screen_name) , see doc for more info.", 10016);
    const { identity } = found.grant;
    if (uid !== identity.userId) return fail(400, request, "User does not exists!", 20003);
    const user = {
      idstr: uid,
      screen_name: identity.nickname,
      name: identity.nickname,
      province: "11",
      city: "5",
      location: "北京 朝阳区",
      description: "",
      profile_image_url: identity.avatarUrl,
      avatar_large: identity.avatarUrl,
      avatar_hd: identity.avatarUrl,
      gender: "n",
      followers_count: 0,
      friends_count: 0,
      verified: false,
    };
    // uid matched /^[1-9]\d*$/ on the sign-in page, so it is a safe JSON number literal.
    return { status: 200, contentType: JSON_TYPE, body: `{"id":${uid},${JSON.stringify(user).slice(1)}` };
  };

  return {
    id: "weibo",
    title: "微博登录（本地模拟）",
    pagePrefix: "/weibo",
    authorizePath: "/oauth2/authorize",
    apiPrefix: "/weibo",
    userIdLabel: "微博 uid（测试身份，数字）",
    userIdPattern: /^[1-9][0-9]{0,18}$/,
    randomUserId: () => String(randomInt(5_000_000_000, 7_999_999_999)),
    newCode: () => hex(16),
    checkAuthorize(query) {
      const page = (code: number, message: string) => ({ ok: false, page: { status: 400, code: String(code), message } }) as const;
      const clientId = query.get("client_id");
      if (!clientId) return page(21323, "invalid_request：缺少 client_id");
      if (clientId !== app.appKey) return page(21324, "invalid_client：应用不存在");
      const redirectUri = query.get("redirect_uri");
      if (!acceptableRedirect(redirectUri, redirectHosts)) return page(21322, "redirect_uri_mismatch：重定向地址不匹配");
      const state = query.get("state");
      const back = (error: string, code: number, description: string) => {
        const params = { error, error_code: String(code), error_description: description, ...(state ? { state } : {}) };
        return { ok: false, redirect: withParams(redirectUri, params) } as const;
      };
      const responseType = query.get("response_type");
      if (responseType !== null && responseType !== "code") return back("unsupported_response_type", 21329, "unsupported response type");
      if (!state) return back("invalid_request", 21323, "this stand-in requires state (CSRF protection)");
      return { ok: true, clientId, redirectUri, state };
    },
    approved: (redirectUri, code, state) => withParams(redirectUri, { code, state }),
    denied: (redirectUri, state) =>
      withParams(redirectUri, { error: "access_denied", error_code: "21330", error_description: "user denied", state }),
    api({ method, path, params }) {
      if (path === "/oauth2/access_token") return accessToken(method, params);
      if (path === "/2/users/show.json") return usersShow(params);
      return undefined;
    },
  };
}
