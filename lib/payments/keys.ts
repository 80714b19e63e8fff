// Keys as the providers hand them out: PEM files (WeChat apiclient_key.pem), or the bare base64 bodies
// Alipay's key tool prints. Environment variables may carry PEM with "\n" escapes.
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from "node:crypto";

const unescape = (text: string) => text.trim().replace(/\\n/g, "\n");

export function loadPrivateKey(text: string): KeyObject {
  const t = unescape(text);
  if (t.startsWith("-----")) return createPrivateKey(t);
  return createPrivateKey({ key: Buffer.from(t.replace(/\s+/g, ""), "base64"), format: "der", type: "pkcs8" });
}

/** A public key from a PEM public key, a PEM certificate, or a bare base64 SubjectPublicKeyInfo. */
export function loadPublicKey(text: string): KeyObject {
  const t = unescape(text);
  if (t.includes("BEGIN CERTIFICATE")) return new X509Certificate(t).publicKey;
  if (t.startsWith("-----")) return createPublicKey(t);
  return createPublicKey({ key: Buffer.from(t.replace(/\s+/g, ""), "base64"), format: "der", type: "spki" });
}

export const privatePem = (key: KeyObject) => (key.export({ format: "pem", type: "pkcs8" }) as string).trim();
export const publicPem = (key: KeyObject) => (key.export({ format: "pem", type: "spki" }) as string).trim();
