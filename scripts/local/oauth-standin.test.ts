// The OAuth stand-in's own rules, over raw HTTP: what its authorize endpoints accept and refuse, its pages, the
// wire formats the clients must cope with, and the CLI entry. The clients' round trips are in lib/auth/oauth.
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readForm, signInAtStandin } from "./oauth-standin-browser";
import { startOAuthStandin, type OAuthStandin } from "./oauth-standin";

const apps = {
  qq: { appId: "101000001", appKey: "qq-key" },
  wechat: { appId: "wx0123456789abcdef", appSecret: "wechat-secret" },
  weibo: { appKey: "3000000001", appSecret: "weibo-secret" },
};
const CALLBACK = "http://127.0.0.1:3000/cb";
let standin: OAuthStandin;

beforeAll(async () => {
  standin = await startOAuthStandin({ port: 0, apps });
});
afterAll(() => standin?.close());

const qqAuthorize = (query: Record<string, string>) =>
  `${standin.url}/qq/oauth2.0/authorize?${new URLSearchParams({ response_type: "code", client_id: apps.qq.appId, redirect_uri: CALLBACK, state: "s1", ...query })}`;
const wechatAuthorize = (query: Record<string, string>) =>
  `${standin.url}/wechat-open/connect/qrconnect?${new URLSearchParams({ appid: apps.wechat.appId, redirect_uri: CALLBACK, response_type: "code", scope: "snsapi_login", state: "s2", ...query })}#wechat_redirect`;
const weiboAuthorize = (query: Record<string, string>) =>
  `${standin.url}/weibo/oauth2/authorize?${new URLSearchParams({ client_id: apps.weibo.appKey, redirect_uri: CALLBACK, response_type: "code", state: "s3", ...query })}`;
const get = async (url: string) => {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), type: response.headers.get("content-type"), text: await response.text() };
};

describe("sign-in pages", () => {
  it("label themselves as local stand-ins and offer 授权并登录 and 拒绝 (WeChat also a fake QR code)", async () => {
    const cases = [
      [qqAuthorize({}), "QQ 登录（本地模拟）", /^[0-9A-F]{32}$/],
      [wechatAuthorize({}), "微信登录（本地模拟）", /^o[\w-]{27}$/],
      [weiboAuthorize({}), "微博登录（本地模拟）", /^\d{10}$/],
    ] as const;
    for (const [url, title, idShape] of cases) {
      const page = await get(url);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`<h1>${title}</h1>`);
      expect(page.text).toContain('<button type="submit">授权并登录</button>');
      expect(page.text).toContain(">拒绝</button>");
      expect(readForm(page.text, url).fields.user_id).toMatch(idShape);
      expect(page.text.includes("在手机上确认登录")).toBe(title.startsWith("微信"));
    }
  });

  it("refuse what the providers refuse, on an error page or (Weibo, valid redirect_uri) back at the app", async () => {
    const pages = [
      [qqAuthorize({ client_id: "999" }), "100008"],
      [qqAuthorize({ response_type: "token" }), "100000"],
      [qqAuthorize({ redirect_uri: "" }), "100010"],
      [qqAuthorize({ state: "" }), "state"],
      [wechatAuthorize({ scope: "snsapi_base" }), "Scope 参数错误"],
      [wechatAuthorize({ redirect_uri: "/relative" }), "redirect_uri 参数错误"],
      [weiboAuthorize({ client_id: "999" }), "21324"],
      [weiboAuthorize({ redirect_uri: "javascript:alert(1)" }), "redirect_uri_mismatch"],
    ] as const;
    for (const [url, expected] of pages) {
      const page = await get(url);
      expect([page.status, page.text.includes(expected)]).toEqual([400, true]);
    }
    const back = new URL((await get(weiboAuthorize({ response_type: "token" }))).location ?? "");
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: "unsupported_response_type", error_code: "21329", state: "s3" });
  });

  it("only accept the registered callback hosts when given some", async () => {
    const strict = await startOAuthStandin({ port: 0, apps, redirectHosts: ["127.0.0.1:3000"] });
    try {
      expect((await get(qqAuthorize({}).replace(standin.url, strict.url))).status).toBe(200);
      const elsewhere = { redirect_uri: "http://evil.example/cb" };
      for (const url of [qqAuthorize(elsewhere), wechatAuthorize(elsewhere), weiboAuthorize(elsewhere)]) {
        expect((await get(url.replace(standin.url, strict.url))).status).toBe(400);
      }
    } finally {
      await strict.close();
    }
  });

  it("take each page once, and send a mistyped identity back to the form", async () => {
    const url = weiboAuthorize({});
    const page = await get(url);
    const { action, fields } = readForm(page.text, url);
    const post = (body: Record<string, string>) =>
      fetch(action, { method: "POST", body: new URLSearchParams(body), redirect: "manual" }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const mistyped = await post({ ...fields, user_id: "not-digits" });
    expect(mistyped.status).toBe(400);
    expect(mistyped.text).toContain("格式不对");
    const retry: Record<string, string> = { ...readForm(mistyped.text, url).fields, user_id: "1234567" };
    expect(retry.nickname).toBe(fields.nickname);
    expect((await post(retry)).status).toBe(302);
    expect((await post(retry)).text).toContain("已失效");
  });
});

describe("wire formats", () => {
  it("QQ: urlencoded or fmt=json tokens, JSONP or JSON from /me, errors wrapped the same way", async () => {
    const code = async () => (await signInAtStandin(qqAuthorize({}))).callback.searchParams.get("code") ?? "";
    const tokenUrl = (c: string, extra = "") =>
      `${standin.url}/qq/oauth2.0/token?grant_type=authorization_code&client_id=${apps.qq.appId}&client_secret=${apps.qq.appKey}&code=${c}&redirect_uri=${encodeURIComponent(CALLBACK)}${extra}`;
    const classic = await get(tokenUrl(await code()));
    expect(classic.type).toBe("text/html; charset=utf-8");
    expect(classic.text).toMatch(/^access_token=[0-9A-F]{32}&expires_in=7776000&refresh_token=[0-9A-F]{32}$/);
    const json = JSON.parse((await get(tokenUrl(await code(), "&fmt=json"))).text) as Record<string, string>;
    expect(json).toMatchObject({ expires_in: "7776000" });

    const me = await get(`${standin.url}/qq/oauth2.0/me?access_token=${json.access_token}`);
    expect(me.text).toMatch(/^callback\( \{"client_id":"101000001","openid":"[0-9A-F]{32}"\} \);\n$/);
    expect(JSON.parse((await get(`${standin.url}/qq/oauth2.0/me?access_token=${json.access_token}&fmt=json&unionid=1`)).text)).toHaveProperty("unionid");
    expect((await get(`${standin.url}/qq/oauth2.0/me?access_token=nope`)).text).toBe('callback( {"error":100016,"error_description":"access token check failed"} );\n');
  });

  it("WeChat: errors as {errcode, errmsg} with HTTP 200 and text/plain", async () => {
    const answer = await get(`${standin.url}/wechat-api/sns/oauth2/access_token?appid=${apps.wechat.appId}&secret=${apps.wechat.appSecret}&code=x&grant_type=authorization_code`);
    expect([answer.status, answer.type]).toEqual([200, "text/plain"]);
    expect(JSON.parse(answer.text)).toMatchObject({ errcode: 40029, errmsg: expect.stringMatching(/^invalid code, rid: /) });
  });

  it("Weibo: the token endpoint wants POST, and users/show writes id as a bare int64", async () => {
    const refused = await get(`${standin.url}/weibo/oauth2/access_token?client_id=${apps.weibo.appKey}`);
    expect([refused.status, JSON.parse(refused.text).error_code]).toEqual([400, 10021]);
    const uid = "1234567890123456789";
    const c = (await signInAtStandin(weiboAuthorize({}), { userId: uid })).callback.searchParams.get("code") ?? "";
    const form = { client_id: apps.weibo.appKey, client_secret: apps.weibo.appSecret, grant_type: "authorization_code", code: c, redirect_uri: CALLBACK };
    const token = (await (await fetch(`${standin.url}/weibo/oauth2/access_token`, { method: "POST", body: new URLSearchParams(form) })).json()) as { access_token: string; uid: string };
    expect(token.uid).toBe(uid);
    const user = await get(`${standin.url}/weibo/2/users/show.json?access_token=${token.access_token}&uid=${uid}`);
    expect(user.text.startsWith(`{"id":${uid},"idstr":"${uid}"`)).toBe(true);
  });
});

describe("startOAuthStandin and the CLI", () => {
  it("listens on loopback only", async () => {
    await expect(startOAuthStandin({ port: 0, host: "0.0.0.0", apps })).rejects.toThrow(/loopback/);
  });

  const runMain = (extra: Record<string, string>) => {
    const unset = { OAUTH_QQ_APP_ID: "", OAUTH_QQ_APP_KEY: "", OAUTH_WECHAT_APP_ID: "", OAUTH_WECHAT_APP_SECRET: "", OAUTH_WEIBO_APP_KEY: "", OAUTH_WEIBO_APP_SECRET: "" };
    const env = { ...process.env, ...unset, OAUTH_STANDIN_PORT: "0", ...extra };
    return spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/local/oauth-standin-main.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  };

  it("logs one JSON line with the base URLs, serves, and stops cleanly on SIGTERM", async () => {
    const child = runMain({ OAUTH_QQ_APP_ID: "101", OAUTH_QQ_APP_KEY: "k" });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      const logged = JSON.parse(line) as { msg: string; providers: string[]; env: Record<string, string> };
      expect(logged).toMatchObject({ msg: "OAuth stand-in listening", providers: ["qq"] });
      const page = await get(`${logged.env.OAUTH_QQ_BASE_URL}/oauth2.0/authorize?response_type=code&client_id=101&redirect_uri=${CALLBACK}&state=x`);
      expect(page.status).toBe(200);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      expect(await exited).toEqual([0, null]);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });

  it("refuses to start with half a credential pair, naming both variables", async () => {
    const child = runMain({ OAUTH_WEIBO_APP_KEY: "3000000001" });
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    expect(JSON.parse(line)).toMatchObject({ error: "OAUTH_WEIBO_APP_KEY is set but OAUTH_WEIBO_APP_SECRET is not: set both or neither" });
    expect((await once(child, "exit"))[0]).toBe(1);
  });
});
