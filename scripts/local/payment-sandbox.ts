// The local payments sandbox: one HTTP server playing Alipay, WeChat Pay (API v3) and UnionPay (5.1.0) with
// test keys, so lib/payments runs unchanged against it in development and tests.
//   /alipay/gateway.do     Alipay open platform gateway   ALIPAY_GATEWAY_URL=<url>/alipay/gateway.do
//   /wechatpay/v3/…        WeChat Pay API v3               WECHATPAY_BASE_URL=<url>/wechatpay
//   /wechatpay/scan/<pr>   the "scan" page for code_url weixin://wxpay/bizpayurl?pr=<pr>
//   /unionpay/gateway/…    UnionPay gateway                UNIONPAY_GATEWAY_URL=<url>/unionpay
//   /_sandbox/…            JSON control API for tests (below)
// Control API:
//   GET  /_sandbox/payments                          every payment the sandbox knows
//   POST /_sandbox/payments/<provider>/<orderNo>/pay  the learner pays; body {"drop":true} loses the notification
//   GET  /_sandbox/deliveries[?provider=&orderNo=]    notifications with their attempts and state
//   POST /_sandbox/deliveries/<id>/redeliver          send once more now
//   POST /_sandbox/deliveries/<id>/drop               stop retrying (lost from here on)
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Reply } from "./oauth-standin-core";
import { jsonReply } from "./oauth-standin-core";
import { alipaySandbox } from "./payment-sandbox-alipay";
import { Deliverer, PaymentBook, type ProviderSandbox, type RequestInfo, type SandboxProvider } from "./payment-sandbox-core";
import type { PaymentSandboxKeys } from "./payment-sandbox-keys";
import { unionpaySandbox } from "./payment-sandbox-unionpay";
import { wechatSandbox } from "./payment-sandbox-wechat";
import { isLoopbackHost } from "./redis-rest-protocol";

export interface PaymentSandboxOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  keys: PaymentSandboxKeys;
  /** Multiplies the providers' retry delays (tests use e.g. 0.0001: WeChat's 15 s become 1.5 ms). Default 1. */
  retryScale?: number;
  now?: () => number;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface PaymentSandbox {
  url: string;
  port: number;
  book: PaymentBook;
  deliverer: Deliverer;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return void reject(Object.assign(new Error("Request body too large"), { status: 413 }));
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

export async function startPaymentSandbox(opts: PaymentSandboxOptions): Promise<PaymentSandbox> {
  const host = opts.host ?? "127.0.0.1";
  if (!isLoopbackHost(host)) throw new Error(`The payments sandbox only listens on loopback (127.0.0.1, ::1, localhost), not "${host}"`);
  const now = opts.now ?? Date.now;
  const book = new PaymentBook();
  const deliverer = new Deliverer({ retryScale: opts.retryScale ?? 1, now, log: opts.log });
  const providers: ProviderSandbox[] = [
    alipaySandbox(opts.keys.alipay, book, deliverer, now),
    wechatSandbox(opts.keys.wechat, book, deliverer, now),
    unionpaySandbox(opts.keys.unionpay, book, deliverer, now),
  ];

  const control = async (method: string, path: string, query: URLSearchParams, body: string): Promise<Reply | null> => {
    if (method === "GET" && path === "/payments") return jsonReply(200, book.all());
    if (method === "GET" && path === "/deliveries") {
      const list = deliverer.deliveries.filter((d) => (!query.get("provider") || d.provider === query.get("provider")) && (!query.get("orderNo") || d.orderNo === query.get("orderNo")));
      return jsonReply(200, list);
    }
    const pay = /^\/payments\/(alipay|wechat|unionpay)\/([^/]+)\/pay$/.exec(path);
    if (method === "POST" && pay) {
      const drop = body ? (JSON.parse(body) as { drop?: boolean }).drop === true : false;
      const provider = providers.find((p) => p.id === (pay[1] as SandboxProvider))!;
      const payment = provider.pay(decodeURIComponent(pay[2]!), { drop });
      return payment ? jsonReply(200, payment) : jsonReply(404, { error: "no such payment: create it first" });
    }
    const act = /^\/deliveries\/([0-9a-f]+)\/(redeliver|drop)$/.exec(path);
    if (method === "POST" && act) {
      const delivery = act[2] === "redeliver" ? await deliverer.redeliver(act[1]!) : deliverer.drop(act[1]!);
      return delivery ? jsonReply(200, delivery) : jsonReply(404, { error: "no such delivery" });
    }
    return null;
  };

  const handle = async (req: http.IncomingMessage): Promise<Reply> => {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const method = req.method ?? "GET";
    const body = method === "POST" ? await readBody(req) : "";
    if (url.pathname.startsWith("/_sandbox/")) {
      const reply = await control(method, url.pathname.slice("/_sandbox".length), url.searchParams, body);
      if (reply) return reply;
    }
    for (const provider of providers) {
      if (!url.pathname.startsWith(`${provider.prefix}/`)) continue;
      const info: RequestInfo = { method, path: url.pathname.slice(provider.prefix.length), rawPath: url.pathname + url.search, query: url.searchParams, body, headers: req.headers };
      const reply = await provider.handle(info);
      if (reply) return reply;
    }
    return { status: 404, contentType: "text/plain; charset=utf-8", body: `Not found: ${url.pathname}` };
  };

  const server = http.createServer((req, res) => {
    handle(req)
      .then((reply) => {
        res.writeHead(reply.status, { "content-type": reply.contentType, "content-length": Buffer.byteLength(reply.body), "cache-control": "no-store", ...reply.headers });
        res.end(reply.body);
      })
      .catch((error: unknown) => {
        const status = (error as { status?: number }).status ?? 500;
        if (status === 500) opts.log?.("Unexpected payments sandbox error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        if (res.headersSent) return void res.destroy();
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.end(status === 500 ? "Internal sandbox error" : String((error as Error).message));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, host, () => (server.off("error", reject), resolve()));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    book,
    deliverer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        deliverer.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
