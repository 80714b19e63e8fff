// UnionPay online gateway 5.1.0 signatures (signMethod 01): the fields sorted by name as k=v&k=v (every
// field but `signature`, values as sent), its SHA-256 as lower-case hex, then SHA256withRSA over that hex
// string, base64. Pure functions shared with the local sandbox.
import { createHash, createSign, createVerify, type KeyObject } from "node:crypto";

export function unionpaySignContent(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((k) => k !== "signature")
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join("&");
}

export const unionpayDigest = (fields: Record<string, string>) => createHash("sha256").update(unionpaySignContent(fields), "utf8").digest("hex");

export const unionpaySign = (fields: Record<string, string>, key: KeyObject) =>
  createSign("RSA-SHA256").update(unionpayDigest(fields), "utf8").sign(key, "base64");

export function unionpayVerify(fields: Record<string, string>, key: KeyObject): boolean {
  const signature = fields.signature ?? "";
  if (!/^[A-Za-z0-9+/]+=*$/.test(signature)) return false;
  try {
    return createVerify("RSA-SHA256").update(unionpayDigest(fields), "utf8").verify(key, signature, "base64");
  } catch {
    return false;
  }
}

/**
 * A synchronous gateway answer: k=v&k=v with the values NOT URL-encoded (base64 signatures keep their "+"
 * and "=", signPubKeyCert its line breaks); a value in {braces} may itself hold "&" and "=".
 */
export function parseUnionpayAnswer(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const eq = body.indexOf("=", i);
    if (eq < 0) break;
    const key = body.slice(i, eq);
    let j = eq + 1;
    let depth = 0;
    for (; j < body.length; j++) {
      const c = body[j];
      if (c === "{") depth++;
      else if (c === "}") depth = Math.max(0, depth - 1);
      else if (c === "&" && depth === 0) break;
    }
    fields[key] = body.slice(eq + 1, j);
    i = j + 1;
  }
  return fields;
}

/** The answer format above, for the sandbox. */
export const formatUnionpayAnswer = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
