import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/env";
import { oauthProviders } from "./config";
import { oauthClient } from "./index";

const full = {
  OAUTH_QQ_APP_ID: "101000001",
  OAUTH_QQ_APP_KEY: "qq-app-key",
  OAUTH_WECHAT_APP_ID: "wx0123456789abcdef",
  OAUTH_WECHAT_APP_SECRET: "wechat-secret",
  OAUTH_WEIBO_APP_KEY: "3000000001",
  OAUTH_WEIBO_APP_SECRET: "weibo-secret",
};

function configError(env: Record<string, string | undefined>): string {
  try {
    oauthProviders(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error("expected a ConfigError");
}

describe("oauthProviders", () => {
  it("enables nothing when nothing is set, and treats empty values as unset", () => {
    expect(oauthProviders({})).toEqual({});
    expect(oauthProviders({ OAUTH_QQ_APP_ID: "", OAUTH_QQ_APP_KEY: "  " })).toEqual({});
  });

  it("enables each provider whose id and secret are both set, with the real providers as default base URLs", () => {
    expect(oauthProviders(full)).toEqual({
      qq: { appId: "101000001", appKey: "qq-app-key", baseUrl: "https://graph.qq.com" },
      wechat: {
        appId: "wx0123456789abcdef",
        appSecret: "wechat-secret",
        openUrl: "https://open.weixin.qq.com",
        apiUrl: "https://api.weixin.qq.com",
      },
      weibo: { appKey: "3000000001", appSecret: "weibo-secret", baseUrl: "https://api.weibo.com" },
    });
    expect(Object.keys(oauthProviders({ OAUTH_WEIBO_APP_KEY: "k", OAUTH_WEIBO_APP_SECRET: "s" }))).toEqual(["weibo"]);
  });

  it("names both variables of a half-configured provider, for every such provider at once", () => {
    const message = configError({ OAUTH_QQ_APP_ID: "101000001", OAUTH_WEIBO_APP_SECRET: "s", OAUTH_WECHAT_APP_ID: "wx1", OAUTH_WECHAT_APP_SECRET: "s" });
    expect(message).toContain("OAUTH_QQ_APP_ID is set but OAUTH_QQ_APP_KEY is not");
    expect(message).toContain("OAUTH_WEIBO_APP_SECRET is set but OAUTH_WEIBO_APP_KEY is not");
    expect(message).not.toContain("OAUTH_WECHAT");
    expect(message).not.toContain("101000001");
  });

  it("takes stand-in base URLs on loopback over http, trims a trailing slash, and wants https anywhere else", () => {
    const local = oauthProviders({ ...full, OAUTH_QQ_BASE_URL: "http://127.0.0.1:8091/qq/", OAUTH_WECHAT_API_URL: "http://localhost:8091/wechat-api" });
    expect(local.qq?.baseUrl).toBe("http://127.0.0.1:8091/qq");
    expect(local.wechat?.apiUrl).toBe("http://localhost:8091/wechat-api");
    expect(configError({ ...full, OAUTH_WEIBO_BASE_URL: "http://weibo.example.com" })).toContain("OAUTH_WEIBO_BASE_URL must be an https URL");
    expect(configError({ ...full, OAUTH_WECHAT_OPEN_URL: "not a url" })).toContain("OAUTH_WECHAT_OPEN_URL must be a URL");
  });
});

describe("authorization URLs", () => {
  const configs = oauthProviders(full);
  const params = { state: "st@te/1", redirectUri: "https://xuefu.example/api/auth/callback/x?a=1" };

  it("follow each provider's documented form", () => {
    const qq = new URL(oauthClient("qq").authorizationUrl(configs.qq!, params));
    expect(`${qq.origin}${qq.pathname}`).toBe("https://graph.qq.com/oauth2.0/authorize");
    expect(Object.fromEntries(qq.searchParams)).toEqual({
      response_type: "code",
      client_id: "101000001",
      redirect_uri: params.redirectUri,
      state: params.state,
      scope: "get_user_info",
    });

    // WeChat: the documented parameter order and the #wechat_redirect fragment.
    expect(oauthClient("wechat").authorizationUrl(configs.wechat!, params)).toBe(
      "https://open.weixin.qq.com/connect/qrconnect?appid=wx0123456789abcdef" +
        `&redirect_uri=${encodeURIComponent(params.redirectUri)}&response_type=code&scope=snsapi_login&state=st%40te%2F1#wechat_redirect`,
    );

    const weibo = new URL(oauthClient("weibo").authorizationUrl(configs.weibo!, params));
    expect(`${weibo.origin}${weibo.pathname}`).toBe("https://api.weibo.com/oauth2/authorize");
    expect(weibo.searchParams.get("client_id")).toBe("3000000001");
    expect(weibo.searchParams.get("state")).toBe(params.state);
  });

  it("refuse to start a sign-in without a state or with a relative redirect_uri", () => {
    expect(() => oauthClient("qq").authorizationUrl(configs.qq!, { ...params, state: "" })).toThrow(/state/);
    expect(() => oauthClient("weibo").authorizationUrl(configs.weibo!, { ...params, redirectUri: "/callback" })).toThrow(/redirect_uri/);
  });
});
