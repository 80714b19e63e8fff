// Shared by the provider round-trip tests: a sandbox with fresh keys, the three providers configured against
// it, and a tiny HTTP server standing in for our notify URL.
import { createPrivateKey, createPublicKey } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startPaymentSandbox, type PaymentSandbox } from "@/scripts/local/payment-sandbox";
import { newPaymentSandboxKeys, type PaymentSandboxKeys } from "@/scripts/local/payment-sandbox-keys";
import type { AlipayConfig, UnionpayConfig, WechatConfig } from "./config";

export interface Received {
  path: string;
  headers: Headers;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How to answer; default 200 "success". */
  answer: (r: Received) => { status: number; body: string };
  next(predicate?: (r: Received) => boolean, timeoutMs?: number): Promise<Received>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const receiver: Receiver = {
    url: "",
    received,
    answer: () => ({ status: 200, body: "success" }),
    async next(predicate = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = received.find(predicate);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error("no notification arrived");
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const r = { path: req.url ?? "/", headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      const { status, body } = receiver.answer(r);
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(body);
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

export interface Harness {
  keys: PaymentSandboxKeys;
  sandbox: PaymentSandbox;
  receiver: Receiver;
  alipay: AlipayConfig;
  wechat: WechatConfig;
  unionpay: UnionpayConfig;
  close(): Promise<void>;
}

let keysOnce: PaymentSandboxKeys | undefined;

export async function startHarness(): Promise<Harness> {
  const keys = (keysOnce ??= newPaymentSandboxKeys());
  const sandbox = await startPaymentSandbox({ port: 0, keys, retryScale: 0.0001 });
  const receiver = await startReceiver();
  return {
    keys,
    sandbox,
    receiver,
    alipay: { appId: keys.alipay.appId, sellerId: keys.alipay.sellerId, privateKey: createPrivateKey(keys.alipay.merchantPrivateKey), alipayPublicKey: createPublicKey(keys.alipay.alipayPublicKey), gatewayUrl: `${sandbox.url}/alipay/gateway.do` },
    wechat: {
      mchId: keys.wechat.mchId,
      appId: keys.wechat.appId,
      privateKey: createPrivateKey(keys.wechat.merchantPrivateKey),
      certSerial: keys.wechat.merchantCertSerial,
      platformPublicKey: createPublicKey(keys.wechat.platformPublicKey),
      platformKeyId: keys.wechat.platformKeyId,
      apiV3Key: keys.wechat.apiV3Key,
      baseUrl: `${sandbox.url}/wechatpay`,
      maxSkewMs: 5 * 60_000,
    },
    unionpay: { merId: keys.unionpay.merId, privateKey: createPrivateKey(keys.unionpay.merchantPrivateKey), certId: keys.unionpay.certId, verifyCert: keys.unionpay.unionpayCert, gatewayUrl: `${sandbox.url}/unionpay` },
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
}

let counter = 0;
/** A fresh order number per test (snowflake-shaped, decimal). */
export const orderNo = () => `7${Date.now()}${String(counter++).padStart(4, "0")}`;
