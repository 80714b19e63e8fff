// A local stand-in for QQ, WeChat and Weibo sign-in: one HTTP server playing the three providers' published
// OAuth 2.0 protocols, so the real clients (lib/auth/oauth) run unchanged against it in development and tests.
//   /qq/…           QQ 互联 (graph.qq.com)             OAUTH_QQ_BASE_URL=<url>/qq
//   /wechat-open/…  WeChat QR page (open.weixin.qq.com) OAUTH_WECHAT_OPEN_URL=<url>/wechat-open
//   /wechat-api/…   WeChat API (api.weixin.qq.com)     OAUTH_WECHAT_API_URL=<url>/wechat-api
//   /weibo/…        Weibo (api.weibo.com)              OAUTH_WEIBO_BASE_URL=<url>/weibo
//   /avatar/<seed>.svg  generated avatars for the default test identities
// The authorize endpoints render a labelled form where a person or a Playwright test types a test identity and
// presses 授权并登录 (or 拒绝); the provider modules (oauth-standin-{qq,wechat,weibo}.ts) hold the protocol rules.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomNickname, StandinStore, type Identity, type ProviderStandin, type Reply } from "./oauth-standin-core";
import { authorizePage, avatarSvg, errorPage } from "./oauth-standin-pages";
import { qqStandin, type QqApp } from "./oauth-standin-qq";
import { wechatStandin, type WechatApp } from "./oauth-standin-wechat";
import { weiboStandin, type WeiboApp } from "./oauth-standin-weibo";
import { isLoopbackHost } from "./redis-rest-protocol";

export interface OAuthStandinOptions {
  /** 0 picks a free port. */
  port: number;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** The registered test app of each provider played; a provider left out answers 404. */
  apps: { qq?: QqApp; wechat?: WechatApp; weibo?: WeiboApp };
  /** The apps' registered callback hosts ("host" or "host:port"); any http(s) redirect_uri when left out. */
  redirectHosts?: string[];
  /** Clock for code and token expiry (tests move it forward). */
  now?: () => number;
  /** Unexpected failures worth a log line. */
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface OAuthStandin {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return void reject(new HttpError(413, "Request body too large"));
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

const send = (res: http.ServerResponse, reply: Reply) => {
  res.writeHead(reply.status, {
    "content-type": reply.contentType,
    "content-length": Buffer.byteLength(reply.body),
    "cache-control": "no-store",
    ...reply.headers,
  });
  res.end(reply.body);
};
const html = (status: number, body: string): Reply => ({ status, contentType: "text/html; charset=utf-8", body });
const redirect = (location: string): Reply => ({ status: 302, contentType: "text/plain", body: "", headers: { location } });

export async function startOAuthStandin(opts: OAuthStandinOptions): Promise<OAuthStandin> {
  const host = opts.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) throw new Error(`The OAuth stand-in only listens on loopback (127.0.0.1, ::1, localhost), not "${host}"`);
  const store = new StandinStore(opts.now ?? Date.now);
  const providers: ProviderStandin[] = [];
  if (opts.apps.qq) providers.push(qqStandin(opts.apps.qq, store, opts.redirectHosts));
  if (opts.apps.wechat) providers.push(wechatStandin(opts.apps.wechat, store, opts.redirectHosts));
  if (opts.apps.weibo) providers.push(weiboStandin(opts.apps.weibo, store, opts.redirectHosts));
  let baseUrl = "";

  const defaultIdentity = (provider: ProviderStandin): Identity => {
    const userId = provider.randomUserId();
    return { userId, nickname: randomNickname(), avatarUrl: `${baseUrl}/avatar/${encodeURIComponent(userId)}.svg` };
  };

  const renderForm = (provider: ProviderStandin, request: Parameters<StandinStore["openPage"]>[0], identity: Identity, error?: string) => {
    const page = authorizePage({
      title: provider.title,
      clientId: request.clientId,
      action: provider.pagePrefix + provider.authorizePath,
      requestId: store.openPage(request),
      userIdLabel: provider.userIdLabel,
      userIdPattern: provider.userIdPattern,
      identity,
      qrCode: provider.id === "wechat",
      error,
    });
    return html(error ? 400 : 200, page);
  };

  const showAuthorize = (provider: ProviderStandin, query: URLSearchParams): Reply => {
    const checked = provider.checkAuthorize(query);
    if ("redirect" in checked) return redirect(checked.redirect);
    if (!checked.ok) return html(checked.page.status, errorPage(provider.title, checked.page.code, checked.page.message));
    const { clientId, redirectUri, state } = checked;
    return renderForm(provider, { provider: provider.id, clientId, redirectUri, state }, defaultIdentity(provider));
  };

  const submitAuthorize = (provider: ProviderStandin, form: URLSearchParams): Reply => {
    const request = store.takePage(form.get("request") ?? "");
    if (!request || request.provider !== provider.id) {
      return html(400, errorPage(provider.title, "expired", "这个登录页面已失效（10 分钟有效，只能提交一次），请回到网站重新发起登录"));
    }
    if (form.has("deny")) return redirect(provider.denied(request.redirectUri, request.state));
    const identity: Identity = {
      userId: (form.get("user_id") ?? "").trim(),
      nickname: (form.get("nickname") ?? "").trim(),
      avatarUrl: (form.get("avatar") ?? "").trim(),
    };
    const problem = !provider.userIdPattern.test(identity.userId)
      ? `${provider.userIdLabel} 格式不对`
      : !identity.nickname || [...identity.nickname].length > 32
        ? "昵称不能为空，最多 32 个字"
        : identity.avatarUrl && !/^https?:\/\//.test(identity.avatarUrl)
          ? "头像 URL 需以 http:// 或 https:// 开头"
          : null;
    if (problem) return renderForm(provider, request, identity, problem);
    const code = store.issueCode(provider.newCode(), {
      provider: provider.id,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      identity,
    });
    return redirect(provider.approved(request.redirectUri, code, request.state));
  };

  const handle = async (req: http.IncomingMessage): Promise<Reply> => {
    const url = new URL(req.url ?? "/", "http://standin.invalid");
    const method = req.method ?? "GET";
    const body = method === "POST" ? await readBody(req) : "";
    const isForm = (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
    const form = new URLSearchParams(isForm ? body : "");
    const path = url.pathname;

    const avatar = /^\/avatar\/([^/]+)\.svg$/.exec(path);
    if (avatar && method === "GET") return { status: 200, contentType: "image/svg+xml", body: avatarSvg(decodeURIComponent(avatar[1] ?? "")) };

    for (const provider of providers) {
      if (path === provider.pagePrefix + provider.authorizePath) {
        if (method === "GET") return showAuthorize(provider, url.searchParams);
        if (method === "POST") return submitAuthorize(provider, form);
        throw new HttpError(405, `Method ${method} is not allowed`);
      }
      if (path.startsWith(`${provider.apiPrefix}/`)) {
        const params = new URLSearchParams(url.searchParams);
        for (const [name, value] of form) if (!params.has(name)) params.append(name, value);
        const reply = provider.api({ method, path: path.slice(provider.apiPrefix.length), params });
        if (reply) return reply;
      }
    }
    throw new HttpError(404, `Not found: ${path}`);
  };

  const server = http.createServer((req, res) => {
    handle(req)
      .then((reply) => send(res, reply))
      .catch((error: unknown) => {
        if (!(error instanceof HttpError)) opts.log?.("Unexpected OAuth stand-in error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (res.headersSent) return void res.destroy();
        const status = error instanceof HttpError ? error.status : 500;
        const message = error instanceof HttpError ? error.message : "Internal stand-in error";
        send(res, { status, contentType: "text/plain; charset=utf-8", body: message, headers: status === 413 ? { connection: "close" } : {} });
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => (server.off("error", reject), resolve()));
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
