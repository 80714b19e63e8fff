// WeChat website sign-in as the stand-in plays it, on two hosts like the real one:
//   /wechat-open  (OAUTH_WECHAT_OPEN_URL=<url>/wechat-open)
//     GET /connect/qrconnect  appid, redirect_uri, response_type=code, scope=snsapi_login, state → QR page
//   /wechat-api   (OAUTH_WECHAT_API_URL=<url>/wechat-api)
//     GET /sns/oauth2/access_token  appid, secret, code, grant_type=authorization_code
//         → {access_token, expires_in, refresh_token, openid, scope, unionid}   (labelled text/plain)
//     GET /sns/userinfo  access_token, openid[, lang] → {openid, nickname, sex, …, headimgurl, privilege, unionid}
// Errors are {errcode, errmsg} with HTTP 200. A declined sign-in comes back with the state and no code. The
// token call has no redirect_uri, so a code is bound to the app; the redirect is checked on the QR page.
import {
  acceptableRedirect,
  base64url,
  digest,
  hex,
  jsonReply,
  secretMatches,
  withParams,
  type ProviderStandin,
  type Reply,
  type StandinStore,
} from "./oauth-standin-core";

export interface WechatApp {
  appId: string;
  appSecret: string;
}

const TOKEN_TTL_S = 7_200;

/** The unionid WeChat would give a test openid: stable, shaped like a real one, different from the openid. */
export const wechatUnionId = (openid: string) => `o${digest(`wechat-unionid:${openid}`).toString("base64url").slice(0, 27)}`;

export function wechatStandin(app: WechatApp, store: StandinStore, redirectHosts?: readonly string[]): ProviderStandin {
  // Real errmsg values end in a request id, so nobody should compare them as strings.
  const fail = (errcode: number, errmsg: string, contentType = "text/plain"): Reply =>
    jsonReply(200, { errcode, errmsg: `${errmsg}, rid: ${hex(4)}-${hex(4)}-${hex(4)}` }, contentType);

  const accessToken = (params: URLSearchParams): Reply => {
    const appId = params.get("appid");
    if (!appId) return fail(41002, "appid missing");
    if (appId !== app.appId) return fail(40013, "invalid appid");
    if (!params.get("secret")) return fail(41004, "appsecret missing");
    if (!secretMatches(params.get("secret"), app.appSecret)) return fail(40125, "invalid appsecret");
    if (params.get("grant_type") !== "authorization_code") return fail(40002, "invalid grant_type");
    const code = params.get("code");
    if (!code) return fail(41008, "missing code");
    const found = store.lookupCode(code);
    if (found.status === "unknown") return fail(40029, "invalid code");
    if (found.status === "expired") return fail(42003, "code expired");
    if (found.grant.provider !== "wechat" || found.grant.clientId !== appId) return fail(40029, "invalid code");
    if (found.status === "used") return fail(40163, "code been used");
    found.grant.used = true;
    const { identity } = found.grant;
    const token = store.issueToken(base64url(66), { provider: "wechat", clientId: appId, identity }, TOKEN_TTL_S);
    return jsonReply(
      200,
      {
        access_token: token,
        expires_in: TOKEN_TTL_S,
        refresh_token: base64url(66),
        openid: identity.userId,
        scope: "snsapi_login",
        unionid: wechatUnionId(identity.userId),
      },
      "text/plain",
    );
  };

  const userInfo = (params: URLSearchParams): Reply => {
    const json = "application/json; encoding=utf-8";
    const value = params.get("access_token");
    if (!value) return fail(41001, "access_token missing", json);
    const found = store.lookupToken(value);
    if (found.status === "expired") return fail(42001, "access_token expired", json);
    if (found.status === "unknown" || found.grant.provider !== "wechat") {
      return fail(40001, "invalid credential, access_token is invalid or not latest", json);
    }
    const openid = params.get("openid");
    if (!openid) return fail(41009, "missing openid", json);
    const { identity } = found.grant;
    if (openid !== identity.userId) return fail(40003, "invalid openid", json);
    return jsonReply(
      200,
      {
        openid,
        nickname: identity.nickname,
        sex: 0,
        language: "",
        city: "",
        province: "",
        country: "",
        headimgurl: identity.avatarUrl,
        privilege: [],
        unionid: wechatUnionId(openid),
      },
      json,
    );
  };

  return {
    id: "wechat",
    title: "微信登录（本地模拟）",
    pagePrefix: "/wechat-open",
    authorizePath: "/connect/qrconnect",
    apiPrefix: "/wechat-api",
    userIdLabel: "微信 openid（测试身份）",
    userIdPattern: /^[\w\-]{1,64}$/,
    randomUserId: () => `o${base64url(21).slice(0, 27)}`,
    newCode: () => base64url(24),
    checkAuthorize(query) {
      const page = (code: string, message: string) => ({ ok: false, page: { status: 400, code, message } }) as const;
      const clientId = query.get("appid");
      if (!clientId || clientId !== app.appId) return page("appid", "AppID 参数错误");
      const redirectUri = query.get("redirect_uri");
      if (!acceptableRedirect(redirectUri, redirectHosts)) return page("redirect_uri", "redirect_uri 参数错误");
      if (query.get("response_type") !== "code") return page("response_type", "response_type 参数错误");
      if (!(query.get("scope") ?? "").split(",").includes("snsapi_login")) return page("scope", "Scope 参数错误或没有 Scope 权限");
      const state = query.get("state");
      if (!state) return page("state", "缺少 state 参数（本地模拟要求 state，用于防止 CSRF）");
      return { ok: true, clientId, redirectUri, state };
    },
    approved: (redirectUri, code, state) => withParams(redirectUri, { code, state }),
    denied: (redirectUri, state) => withParams(redirectUri, { state }),
    api({ path, params }) {
      if (path === "/sns/oauth2/access_token") return accessToken(params);
      if (path === "/sns/userinfo") return userInfo(params);
      return undefined;
    },
  };
}
