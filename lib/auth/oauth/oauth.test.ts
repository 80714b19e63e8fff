// The real QQ, WeChat and Weibo clients against the local stand-in: the whole browser round trip (authorization
// URL → sign-in page → redirect with code and state) and then fetchProfile, plus every way it should fail.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAtStandin, type SignInChoice } from "@/scripts/local/oauth-standin-browser";
import { startOAuthStandin, type OAuthStandin } from "@/scripts/local/oauth-standin";
import { qqUnionId } from "@/scripts/local/oauth-standin-qq";
import { wechatUnionId } from "@/scripts/local/oauth-standin-wechat";
import { oauthClient, oauthProviders, OAuthError, type OAuthErrorCode, type OAuthProviderId, type ProviderConfigs } from "./index";
import type { FetchImpl } from "./types";

const secret = () => randomBytes(16).toString("hex");
const apps = {
  qq: { appId: "101000001", appKey: secret() },
  wechat: { appId: "wx0123456789abcdef", appSecret: secret() },
  weibo: { appKey: "3000000001", appSecret: secret() },
};
const PROVIDERS: OAuthProviderId[] = ["qq", "wechat", "weibo"];
const redirectUri = (p: OAuthProviderId) => `http://127.0.0.1:3000/api/auth/callback/${p}?next=%2Fcourses`;

let standin: OAuthStandin;
let clock = Date.now();
let configs: ProviderConfigs;

beforeAll(async () => {
  standin = await startOAuthStandin({ port: 0, apps, now: () => clock });
  const enabled = oauthProviders({
    OAUTH_QQ_APP_ID: apps.qq.appId,
    OAUTH_QQ_APP_KEY: apps.qq.appKey,
    OAUTH_QQ_BASE_URL: `${standin.url}/qq`,
    OAUTH_WECHAT_APP_ID: apps.wechat.appId,
    OAUTH_WECHAT_APP_SECRET: apps.wechat.appSecret,
    OAUTH_WECHAT_OPEN_URL: `${standin.url}/wechat-open`,
    OAUTH_WECHAT_API_URL: `${standin.url}/wechat-api`,
    OAUTH_WEIBO_APP_KEY: apps.weibo.appKey,
    OAUTH_WEIBO_APP_SECRET: apps.weibo.appSecret,
    OAUTH_WEIBO_BASE_URL: `${standin.url}/weibo`,
  });
  if (!enabled.qq || !enabled.wechat || !enabled.weibo) throw new Error("all three providers should be enabled");
  configs = { qq: enabled.qq, wechat: enabled.wechat, weibo: enabled.weibo };
});
afterAll(() => standin?.close());

/** Signs in at the stand-in like a browser and returns the code from the redirect, after checking the state. */
async function signIn<P extends OAuthProviderId>(p: P, choice: SignInChoice = {}, config: ProviderConfigs[P] = configs[p]) {
  const state = randomBytes(12).toString("base64url");
  const { callback, submitted } = await signInAtStandin(oauthClient(p).authorizationUrl(config, { state, redirectUri: redirectUri(p) }), choice);
  expect(`${callback.origin}${callback.pathname}`).toBe(`http://127.0.0.1:3000/api/auth/callback/${p}`);
  expect(callback.searchParams.get("next")).toBe("/courses");
  const result = oauthClient(p).parseCallback(callback.searchParams);
  if (!result.ok) throw result.error;
  expect(result.state).toBe(state);
  return { code: result.code, submitted };
}

const profile = <P extends OAuthProviderId>(p: P, code: string, over: Partial<ProviderConfigs[P]> = {}, fetchImpl?: FetchImpl) =>
  oauthClient(p).fetchProfile({ ...configs[p], ...over }, { code, redirectUri: redirectUri(p) }, fetchImpl);

async function failure(promise: Promise<unknown>): Promise<OAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OAuthError);
  return error as OAuthError;
}

describe("signing in through the stand-in", () => {
  it("QQ: token (urlencoded) → me (JSONP, with unionid) → get_user_info gives the identity typed in", async () => {
    const openid = randomBytes(16).toString("hex").toUpperCase();
    const avatar = "http://thirdqq.qlogo.cn/ek_qqapp/AQ/100";
    const { code } = await signIn("qq", { userId: openid, nickname: "李雷 <b>&amp;", avatar });
    expect(await profile("qq", code)).toEqual({
      provider: "qq",
      providerUserId: openid,
      unionId: qqUnionId(openid),
      name: "李雷 <b>&amp;",
      avatarUrl: "https://thirdqq.qlogo.cn/ek_qqapp/AQ/100", // the CDN's http link, upgraded
    });
  });

  it("WeChat: access_token (JSON labelled text/plain) → userinfo gives openid, unionid and nickname", async () => {
    const { code, submitted } = await signIn("wechat", { nickname: "韩梅梅" });
    const result = await profile("wechat", code);
    expect(result).toEqual({
      provider: "wechat",
      providerUserId: submitted.user_id,
      unionId: wechatUnionId(submitted.user_id ?? ""),
      name: "韩梅梅",
      avatarUrl: submitted.avatar,
    });
    expect(result.unionId).not.toBe(result.providerUserId);
    const picture = await fetch(result.avatarUrl ?? "");
    expect(picture.headers.get("content-type")).toBe("image/svg+xml");
  });

  it("Weibo: POSTed token → users/show keeps a uid past 2^53 exact and reads no avatar as null", async () => {
    const uid = "9007199254740993"; // Number("9007199254740993") === 9007199254740992
    const { code } = await signIn("weibo", { userId: uid, nickname: "微博测试", avatar: "" });
    expect(await profile("weibo", code)).toEqual({ provider: "weibo", providerUserId: uid, unionId: null, name: "微博测试", avatarUrl: null });
  });

  it("gives the same person the same ids on the next sign-in", async () => {
    for (const p of PROVIDERS) {
      const first = await profile(p, (await signIn(p)).code);
      const again = await profile(p, (await signIn(p, { userId: first.providerUserId })).code);
      expect([again.providerUserId, again.unionId]).toEqual([first.providerUserId, first.unionId]);
    }
  });

  it("reports a declined sign-in in each provider's own format as access_denied", async () => {
    for (const p of PROVIDERS) {
      const state = "s-" + p;
      const { callback } = await signInAtStandin(oauthClient(p).authorizationUrl(configs[p], { state, redirectUri: redirectUri(p) }), { deny: true });
      expect(callback.searchParams.get("code")).toBeNull();
      expect(callback.searchParams.get("state")).toBe(state);
      const result = oauthClient(p).parseCallback(callback.searchParams);
      expect(result.ok ? null : result.error.code).toBe("access_denied");
    }
  });

  it("puts a timeout signal on every provider call", async () => {
    const calls: { url: string; timed: boolean }[] = [];
    const recording: FetchImpl = (input, init) => {
      calls.push({ url: String(input), timed: init?.signal instanceof AbortSignal });
      return fetch(input, init);
    };
    for (const p of PROVIDERS) await profile(p, (await signIn(p)).code, {}, recording);
    expect(calls).toHaveLength(3 + 2 + 2);
    expect(calls.every((call) => call.timed)).toBe(true);
  });
});

describe("failures", () => {
  const expectFailure = async (promise: Promise<unknown>, code: OAuthErrorCode, providerCode: number | undefined, leaks: string[] = []) => {
    const error = await failure(promise);
    expect([error.code, error.providerCode]).toEqual([code, providerCode]);
    for (const leak of leaks) expect(error.message).not.toContain(leak);
    return error;
  };

  it("refuses a code the second time, in each provider's own words", async () => {
    const reused = { qq: 100020, wechat: 40163, weibo: 21325 };
    for (const p of PROVIDERS) {
      const { code } = await signIn(p);
      await profile(p, code);
      await expectFailure(profile(p, code), "invalid_code", reused[p], [code]);
    }
  });

  it("refuses a wrong secret without using up the code", async () => {
    const wrong = "wrong-" + secret();
    const cases = [
      ["qq", { appKey: wrong }, 100009],
      ["wechat", { appSecret: wrong }, 40125],
      ["weibo", { appSecret: wrong }, 21324],
    ] as const;
    for (const [p, over, providerCode] of cases) {
      const { code } = await signIn(p);
      await expectFailure(profile(p, code, over), "invalid_client", providerCode, [wrong, code]);
      await expect(profile(p, code)).resolves.toMatchObject({ provider: p });
    }
  });

  it("refuses a redirect_uri other than the one the code was issued for (QQ, Weibo)", async () => {
    for (const [p, providerCode] of [["qq", 100010], ["weibo", 21322]] as const) {
      const { code } = await signIn(p);
      const sent = oauthClient(p).fetchProfile(configs[p], { code, redirectUri: "http://127.0.0.1:3000/elsewhere" });
      await expectFailure(sent, "redirect_mismatch", providerCode);
    }
  });

  it("refuses a code after its 10 minutes", async () => {
    const expired = { qq: 100019, wechat: 42003, weibo: 21325 };
    for (const p of PROVIDERS) {
      const { code } = await signIn(p);
      clock += 10 * 60_000 + 1_000;
      await expectFailure(profile(p, code), "invalid_code", expired[p]);
    }
  });

  it("maps WeChat's errcode 40029 (a code it never issued)", async () => {
    const error = await expectFailure(profile("wechat", "never-issued"), "invalid_code", 40029);
    expect(error.message).toContain("errcode 40029");
  });

  it("reads QQ's JSONP-wrapped errors, trailing comma and all", async () => {
    const body = 'callback( {"error":100019,"error_description":"code to access token error", } );\n';
    const canned: FetchImpl = async () => new Response(body, { headers: { "content-type": "text/html" } });
    await expectFailure(profile("qq", "any", {}, canned), "invalid_code", 100019);
  });

  it("falls back to no unionid when the QQ app lacks the grant (error 100048)", async () => {
    const other = await startOAuthStandin({ port: 0, apps: { qq: { ...apps.qq, unionid: false } } });
    try {
      const config = { ...configs.qq, baseUrl: `${other.url}/qq` };
      const { code } = await signIn("qq", {}, config);
      await expect(oauthClient("qq").fetchProfile(config, { code, redirectUri: redirectUri("qq") })).resolves.toMatchObject({ unionId: null });
    } finally {
      await other.close();
    }
  });

  it("calls a non-JSON or unexpected answer bad_response, and an unreachable provider network_error", async () => {
    const gateway: FetchImpl = async () => new Response("<html><body>502 Bad Gateway</body></html>", { status: 502 });
    const wrongShape: FetchImpl = async () => new Response('{"hello":"world"}', { status: 200 });
    const timedOut: FetchImpl = async () => Promise.reject(new DOMException("The operation timed out.", "TimeoutError"));
    for (const p of PROVIDERS) {
      await expectFailure(profile(p, "c", {}, gateway), "bad_response", undefined);
      await expectFailure(profile(p, "c", {}, wrongShape), "bad_response", undefined);
      const error = await expectFailure(profile(p, "c", {}, timedOut), "network_error", undefined);
      expect(error.message).toMatch(/did not answer within 8 s/);
    }
  });
});
