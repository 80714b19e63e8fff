// QQ 互联 as the stand-in plays it, under /qq (set OAUTH_QQ_BASE_URL=<url>/qq):
//   GET  /oauth2.0/authorize  response_type=code, client_id, redirect_uri, state (required), scope
//   GET  /oauth2.0/token      grant_type=authorization_code, client_id, client_secret, code, redirect_uri[, fmt=json]
//        → `access_token=…&expires_in=7776000&refresh_token=…`, or with fmt=json a JSON object;
//          errors `callback( {"error":N,"error_description":"…"} );` (plain JSON with fmt=json), always HTTP 200
//   GET  /oauth2.0/me         access_token[, unionid=1][, fmt=json] → `callback( {"client_id","openid"[,"unionid"]} );`
//   GET  /user/get_user_info  access_token, oauth_consumer_key, openid → {"ret":0,"msg":"",nickname,figureurl_qq_2,…}
// QQ labels every answer text/html. A declined sign-in comes back as ?usercancel=1&state=… (QQ's mobile flow).
import {
  acceptableRedirect,
  digest,
  hex,
  jsonReply,
  secretMatches,
  withParams,
  type ProviderStandin,
  type Reply,
  type StandinStore,
  type TokenGrant,
} from "./oauth-standin-core";

export interface QqApp {
  appId: string;
  appKey: string;
  /** Whether the app holds the unionid grant; without it `unionid=1` fails with 100048. Default true. */
  unionid?: boolean;
}

const TOKEN_TTL_S = 7_776_000; // three months
const HTML = "text/html; charset=utf-8";

/** QQ's unionid for a test openid: stable, and different from the openid. */
export const qqUnionId = (openid: string) => `UID_${digest(`qq-unionid:${openid}`).toString("hex").slice(0, 28).toUpperCase()}`;

export function qqStandin(app: QqApp, store: StandinStore, redirectHosts?: readonly string[]): ProviderStandin {
  const jsonp = (body: unknown): Reply => ({ status: 200, contentType: HTML, body: `callback( ${JSON.stringify(body)} );\n` });
  const answer = (fmtJson: boolean, body: unknown): Reply => (fmtJson ? jsonReply(200, body, HTML) : jsonp(body));
  const fail = (fmtJson: boolean, error: number, description: string) => answer(fmtJson, { error, error_description: description });

  const token = (params: URLSearchParams): Reply => {
    const json = params.get("fmt") === "json";
    if (params.get("grant_type") !== "authorization_code") return fail(json, 100004, "param grant_type is wrong");
    const clientId = params.get("client_id");
    if (!clientId) return fail(json, 100001, "param client_id is wrong or lost");
    if (clientId !== app.appId) return fail(json, 100008, "client id is not exist");
    if (!params.get("client_secret")) return fail(json, 100002, "param client_secret is wrong or lost");
    if (!secretMatches(params.get("client_secret"), app.appKey)) return fail(json, 100009, "client secret is illegal");
    const code = params.get("code");
    if (!code) return fail(json, 100005, "param code is wrong or lost");
    const redirectUri = params.get("redirect_uri");
    if (!redirectUri) return fail(json, 100010, "redirect uri is illegal");
    const found = store.lookupCode(code);
    if (found.status === "unknown" || found.status === "expired") return fail(json, 100019, "code to access token error");
    const { grant } = found;
    if (grant.provider !== "qq" || grant.clientId !== clientId) return fail(json, 100019, "code to access token error");
    if (found.status === "used") return fail(json, 100020, "code is reused error");
    if (grant.redirectUri !== redirectUri) return fail(json, 100010, "redirect uri is illegal");
    grant.used = true;
    const accessToken = store.issueToken(hex(16, true), { provider: "qq", clientId, identity: grant.identity }, TOKEN_TTL_S);
    const issued = { access_token: accessToken, expires_in: String(TOKEN_TTL_S), refresh_token: hex(16, true) };
    return json ? jsonReply(200, issued, HTML) : { status: 200, contentType: HTML, body: new URLSearchParams(issued).toString() };
  };

  type Checked = { ok: true; grant: TokenGrant } | { ok: false; error: number; description: string };
  const tokenGrant = (params: URLSearchParams): Checked => {
    const value = params.get("access_token");
    if (!value) return { ok: false, error: 100007, description: "param access token is wrong or lost" };
    const found = store.lookupToken(value);
    if (found.status === "expired") return { ok: false, error: 100014, description: "access token is expired" };
    if (found.status === "unknown" || found.grant.provider !== "qq") return { ok: false, error: 100016, description: "access token check failed" };
    return { ok: true, grant: found.grant };
  };

  const me = (params: URLSearchParams): Reply => {
    const json = params.get("fmt") === "json";
    const checked = tokenGrant(params);
    if (!checked.ok) return fail(json, checked.error, checked.description);
    const openid = checked.grant.identity.userId;
    if (params.get("unionid") !== "1") return answer(json, { client_id: checked.grant.clientId, openid });
    if (app.unionid === false) return fail(json, 100048, "companyid not set");
    return answer(json, { client_id: checked.grant.clientId, openid, unionid: qqUnionId(openid) });
  };

  const userInfo = (params: URLSearchParams): Reply => {
    const checked = tokenGrant(params);
    if (!checked.ok) return jsonReply(200, { ret: checked.error, msg: checked.description }, HTML);
    const { identity, clientId } = checked.grant;
    const invalid = (what: string) => jsonReply(200, { ret: -1, msg: `client request's parameters are invalid, invalid ${what}` }, HTML);
    if (params.get("oauth_consumer_key") !== clientId) return invalid("oauth_consumer_key");
    if (params.get("openid") !== identity.userId) return invalid("openid");
    const avatar = identity.avatarUrl;
    return jsonReply(
      200,
      {
        ret: 0,
        msg: "",
        is_lost: 0,
        nickname: identity.nickname,
        gender: "男",
        gender_type: 1,
        province: "",
        city: "",
        year: "",
        figureurl: avatar,
        figureurl_1: avatar,
        figureurl_2: avatar,
        figureurl_qq_1: avatar,
        figureurl_qq_2: avatar,
        figureurl_qq: avatar,
        is_yellow_vip: "0",
        vip: "0",
        yellow_vip_level: "0",
        level: "0",
        is_yellow_year_vip: "0",
      },
      HTML,
    );
  };

  return {
    id: "qq",
    title: "QQ 登录（本地模拟）",
    pagePrefix: "/qq",
    authorizePath: "/oauth2.0/authorize",
    apiPrefix: "/qq",
    userIdLabel: "QQ openid（测试身份）",
    userIdPattern: /^[\w\-]{1,64}$/,
    randomUserId: () => hex(16, true),
    newCode: () => hex(16, true),
    checkAuthorize(query) {
      const page = (code: number, message: string) => ({ ok: false, page: { status: 400, code: String(code), message } }) as const;
      if (query.get("response_type") !== "code") return page(100000, "缺少参数 response_type 或 response_type 非法");
      const clientId = query.get("client_id");
      if (!clientId) return page(100001, "缺少参数 client_id");
      if (clientId !== app.appId) return page(100008, "该 appid 不存在");
      const redirectUri = query.get("redirect_uri");
      if (!acceptableRedirect(redirectUri, redirectHosts)) return page(100010, "回调地址不合法");
      const state = query.get("state");
      if (!state) return page(100000, "缺少参数 state（QQ 要求 state，用于防止 CSRF）");
      return { ok: true, clientId, redirectUri, state };
    },
    approved: (redirectUri, code, state) => withParams(redirectUri, { code, state }),
    denied: (redirectUri, state) => withParams(redirectUri, { usercancel: "1", state }),
    api({ path, params }) {
      if (path === "/oauth2.0/token") return token(params);
      if (path === "/oauth2.0/me") return me(params);
      if (path === "/user/get_user_info") return userInfo(params);
      return undefined;
    },
  };
}
