// WeChat Pay API v3 signatures (SHA256withRSA, base64) and the AEAD_AES_256_GCM resource encryption, as
// published in the v3 signing rules. Pure functions shared with the local sandbox.
import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes, type KeyObject } from "node:crypto";

/** What the merchant signs for a request: "METHOD\nURL\ntimestamp\nnonce\nbody\n" (URL = path and query). */
export const wechatRequestMessage = (method: string, pathAndQuery: string, timestamp: string, nonce: string, body: string) =>
  `${method.toUpperCase()}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${body}\n`;

/** What WeChat signs in answers and notifications: "timestamp\nnonce\nbody\n". */
export const wechatResponseMessage = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`;

export const wechatSign = (message: string, key: KeyObject) => createSign("RSA-SHA256").update(message, "utf8").sign(key, "base64");

export function wechatVerify(message: string, signature: string, key: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+=*$/.test(signature)) return false;
  try {
    return createVerify("RSA-SHA256").update(message, "utf8").verify(key, signature, "base64");
  } catch {
    return false;
  }
}

export const WECHAT_AUTH_SCHEMA = "WECHATPAY2-SHA256-RSA2048";

export function wechatAuthorization(a: { mchid: string; serialNo: string; nonce: string; timestamp: string; signature: string }): string {
  return `${WECHAT_AUTH_SCHEMA} mchid="${a.mchid}",nonce_str="${a.nonce}",signature="${a.signature}",timestamp="${a.timestamp}",serial_no="${a.serialNo}"`;
}

/** The fields of an Authorization header, or null when it is not a v3 signature. */
export function parseWechatAuthorization(header: string): Record<"mchid" | "nonce_str" | "signature" | "timestamp" | "serial_no", string> | null {
  if (!header.startsWith(`${WECHAT_AUTH_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(WECHAT_AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]!] = m[2]!;
  const names = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"] as const;
  return names.every((n) => typeof fields[n] === "string") ? (fields as Record<(typeof names)[number], string>) : null;
}

export const wechatNonce = () => randomBytes(16).toString("hex").toUpperCase();

export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  associated_data?: string;
  nonce: string;
  original_type?: string;
}

/** Decrypts a notification resource with the APIv3 key (32 bytes); null when it does not authenticate. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string | null {
  if (resource.algorithm !== "AEAD_AES_256_GCM" || Buffer.byteLength(apiV3Key) !== 32) return null;
  try {
    const data = Buffer.from(resource.ciphertext, "base64");
    if (data.length < 17) return null;
    const decipher = createDecipheriv("aes-256-gcm", Buffer.from(apiV3Key), Buffer.from(resource.nonce));
    decipher.setAuthTag(data.subarray(data.length - 16));
    decipher.setAAD(Buffer.from(resource.associated_data ?? ""));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = randomBytes(6).toString("hex"); // WeChat uses 12-character nonces
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
  return { original_type: originalType, algorithm: "AEAD_AES_256_GCM", ciphertext, associated_data: associatedData, nonce };
}
