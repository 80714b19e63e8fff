// The test credentials of the local payments sandbox: for each provider both sides' key pairs (ours, the
// merchant's, and the provider's), the ids, the WeChat APIv3 key and a self-signed UnionPay signing
// certificate. Generated once into .data/secrets.json (field `paymentSandbox`), never real credentials.
import { createHash, createSign, generateKeyPairSync, randomBytes, randomInt, type KeyObject } from "node:crypto";

export interface PaymentSandboxKeys {
  alipay: {
    appId: string;
    sellerId: string;
    /** Ours: signs requests; Alipay (the sandbox) verifies with the public half. */
    merchantPrivateKey: string;
    merchantPublicKey: string;
    /** Alipay's: signs answers and notifications; we verify with the public half. */
    alipayPrivateKey: string;
    alipayPublicKey: string;
  };
  wechat: {
    mchId: string;
    appId: string;
    merchantPrivateKey: string;
    merchantPublicKey: string;
    merchantCertSerial: string;
    platformPrivateKey: string;
    platformPublicKey: string;
    /** WeChat Pay public key id (Wechatpay-Serial of answers and notifications). */
    platformKeyId: string;
    apiV3Key: string;
  };
  unionpay: {
    merId: string;
    merchantPrivateKey: string;
    merchantPublicKey: string;
    /** The serial number of our signing certificate, in decimal (certId). */
    certId: string;
    unionpayPrivateKey: string;
    /** UnionPay's signing certificate (PEM), sent in signPubKeyCert. */
    unionpayCert: string;
  };
}

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ format: "pem", type: "pkcs8" }) as string,
    publicKey: publicKey.export({ format: "pem", type: "spki" }) as string,
    key: privateKey,
    pub: publicKey,
  };
};
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join("");
const alnum = (n: number) => Array.from(randomBytes(n), (b) => "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"[b % 56]).join("");

export function newPaymentSandboxKeys(): PaymentSandboxKeys {
  const [a1, a2, w1, w2, u1, u2] = [pair(), pair(), pair(), pair(), pair(), pair()];
  return {
    alipay: { appId: `2021${digits(12)}`, sellerId: `2088${digits(12)}`, merchantPrivateKey: a1.privateKey, merchantPublicKey: a1.publicKey, alipayPrivateKey: a2.privateKey, alipayPublicKey: a2.publicKey },
    wechat: {
      mchId: `16${digits(8)}`,
      appId: `wx${randomBytes(8).toString("hex")}`,
      merchantPrivateKey: w1.privateKey,
      merchantPublicKey: w1.publicKey,
      merchantCertSerial: randomBytes(20).toString("hex").toUpperCase(),
      platformPrivateKey: w2.privateKey,
      platformPublicKey: w2.publicKey,
      platformKeyId: `PUB_KEY_ID_01${digits(30)}`,
      apiV3Key: alnum(32),
    },
    unionpay: {
      merId: `777290058${digits(6)}`,
      merchantPrivateKey: u1.privateKey,
      merchantPublicKey: u1.publicKey,
      certId: `6${digits(10)}`,
      unionpayPrivateKey: u2.privateKey,
      unionpayCert: selfSignedCert(u2.key, u2.pub, "中国银联股份有限公司 (Xuefu sandbox)"),
    },
  };
}

/** The settings that point the app's payment modules (lib/payments) at a sandbox at `url`. */
export function paymentSandboxEnv(keys: PaymentSandboxKeys, url: string): Record<(typeof PAYMENT_ENV_NAMES)[number], string> {
  return {
    ALIPAY_APP_ID: keys.alipay.appId,
    ALIPAY_SELLER_ID: keys.alipay.sellerId,
    ALIPAY_PRIVATE_KEY: keys.alipay.merchantPrivateKey,
    ALIPAY_PUBLIC_KEY: keys.alipay.alipayPublicKey,
    ALIPAY_GATEWAY_URL: `${url}/alipay/gateway.do`,
    WECHATPAY_MCH_ID: keys.wechat.mchId,
    WECHATPAY_APP_ID: keys.wechat.appId,
    WECHATPAY_PRIVATE_KEY: keys.wechat.merchantPrivateKey,
    WECHATPAY_CERT_SERIAL: keys.wechat.merchantCertSerial,
    WECHATPAY_PLATFORM_PUBLIC_KEY: keys.wechat.platformPublicKey,
    WECHATPAY_PLATFORM_KEY_ID: keys.wechat.platformKeyId,
    WECHATPAY_API_V3_KEY: keys.wechat.apiV3Key,
    WECHATPAY_BASE_URL: `${url}/wechatpay`,
    UNIONPAY_MER_ID: keys.unionpay.merId,
    UNIONPAY_PRIVATE_KEY: keys.unionpay.merchantPrivateKey,
    UNIONPAY_CERT_ID: keys.unionpay.certId,
    UNIONPAY_VERIFY_CERT: keys.unionpay.unionpayCert,
    UNIONPAY_GATEWAY_URL: `${url}/unionpay`,
  };
}

/** Every variable that configures a payment provider; any of them set means real providers are configured. */
export const PAYMENT_ENV_NAMES = [
  "ALIPAY_APP_ID",
  "ALIPAY_SELLER_ID",
  "ALIPAY_PRIVATE_KEY",
  "ALIPAY_PUBLIC_KEY",
  "ALIPAY_GATEWAY_URL",
  "WECHATPAY_MCH_ID",
  "WECHATPAY_APP_ID",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_CERT_SERIAL",
  "WECHATPAY_PLATFORM_PUBLIC_KEY",
  "WECHATPAY_PLATFORM_KEY_ID",
  "WECHATPAY_API_V3_KEY",
  "WECHATPAY_BASE_URL",
  "UNIONPAY_MER_ID",
  "UNIONPAY_PRIVATE_KEY",
  "UNIONPAY_CERT_ID",
  "UNIONPAY_VERIFY_CERT",
  "UNIONPAY_GATEWAY_URL",
] as const;

// A minimal DER writer, enough for one self-signed X.509 v3 certificate (node:crypto reads certificates but
// does not make them, and the sandbox should not need openssl or a package for this).
const der = (tag: number, body: Buffer): Buffer => {
  const n = body.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
};
const seq = (...items: Buffer[]) => der(0x30, Buffer.concat(items));
const oid = (dotted: string) => {
  const [a, b, ...rest] = dotted.split(".").map(Number) as [number, number, ...number[]];
  const bytes = [a * 40 + b];
  for (const v of rest) {
    const chunk = [v & 0x7f];
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
const utcTime = (d: Date) => der(0x17, Buffer.from(d.toISOString().slice(2, 19).replace(/\D/g, "") + "Z"));

function selfSignedCert(privateKey: KeyObject, publicKey: KeyObject, commonName: string): string {
  const sha256WithRsa = seq(oid("1.2.840.113549.1.1.11"), der(0x05, Buffer.alloc(0)));
  const name = seq(der(0x31, seq(oid("2.5.4.3"), der(0x0c, Buffer.from(commonName)))));
  const serial = createHash("sha256").update(randomBytes(16)).digest().subarray(0, 16);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, no leading zero
  const now = Date.now();
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))), // v3
    der(0x02, serial),
    sha256WithRsa,
    name,
    seq(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 10 * 365 * 86_400_000))),
    name,
    publicKey.export({ format: "der", type: "spki" }),
  );
  const signature = createSign("RSA-SHA256").update(tbs).sign(privateKey);
  const cert = seq(tbs, sha256WithRsa, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  return `-----BEGIN CERTIFICATE-----\n${cert.toString("base64").match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}
