// Alipay RSA2 (SHA256withRSA) signing content, as published for the open platform: the parameters sorted by
// name, empty values left out, joined as k=v&k=v with the values not URL-encoded. Requests sign every
// parameter but `sign`; asynchronous notifications are verified without `sign` and `sign_type`.
// Pure functions (no secrets read here), shared with the local sandbox (scripts/local/payment-sandbox-alipay.ts).
import { createSign, createVerify, type KeyObject } from "node:crypto";

export function alipaySignContent(params: Record<string, string>, kind: "request" | "notification"): string {
  return Object.keys(params)
    .filter((k) => k !== "sign" && !(kind === "notification" && k === "sign_type") && params[k] !== "")
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join("&");
}

export const rsa2Sign = (content: string, key: KeyObject) => createSign("RSA-SHA256").update(content, "utf8").sign(key, "base64");

export function rsa2Verify(content: string, signature: string, key: KeyObject): boolean {
  if (!/^[A-Za-z0-9+/]+=*$/.test(signature)) return false;
  try {
    return createVerify("RSA-SHA256").update(content, "utf8").verify(key, signature, "base64");
  } catch {
    return false;
  }
}

/**
 * The signed part of a gateway answer: the raw JSON text of the `<method>_response` (or error_response)
 * member, exactly as sent. Taken from the text, not re-serialised, because re-serialising changes bytes.
 */
export function alipayResponseContent(body: string, responseKey: string): string | null {
  const start = body.indexOf(`"${responseKey}"`);
  if (start < 0) return null;
  const open = body.indexOf("{", start + responseKey.length + 2);
  if (open < 0) return null;
  let depth = 0;
  let inString = false;
  for (let i = open; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return body.slice(open, i + 1);
  }
  return null;
}
