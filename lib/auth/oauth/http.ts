// One HTTP call to a provider, as every client makes it: an 8-second timeout, the body read as text whatever
// the content type claims (WeChat says text/plain, QQ says text/html), and failures turned into OAuthErrors
// whose messages name the step but never the URL (WeChat and QQ carry the app secret in the query string).
import "server-only";
import type { z } from "zod";
import { OAuthError, type CallbackResult, type FetchImpl, type OAuthProviderId } from "./types";

export const PROVIDER_TIMEOUT_MS = 8_000;
const MAX_BODY_CHARS = 1_000_000;

export const LABELS: Record<OAuthProviderId, string> = { qq: "QQ", wechat: "WeChat", weibo: "Weibo" };

export interface ProviderAnswer {
  status: number;
  text: string;
}

export async function callProvider(
  provider: OAuthProviderId,
  step: string,
  url: URL,
  init: { method?: "GET" | "POST"; form?: URLSearchParams },
  fetchImpl: FetchImpl,
): Promise<ProviderAnswer> {
  const what = `${LABELS[provider]} ${step}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method ?? "GET",
      headers: { accept: "application/json, text/plain, */*", ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body: init.form?.toString(),
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const reason = name === "TimeoutError" || name === "AbortError" ? `did not answer within ${PROVIDER_TIMEOUT_MS / 1000} s` : "could not be reached";
    throw new OAuthError(provider, "network_error", `${what} ${reason}`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new OAuthError(provider, "network_error", `${what}: the answer was cut off`);
  }
  if (text.length > MAX_BODY_CHARS) throw new OAuthError(provider, "bad_response", `${what} answered with an oversized body`);
  return { status: response.status, text };
}

export function badResponse(provider: OAuthProviderId, step: string, answer: ProviderAnswer, why: string): OAuthError {
  return new OAuthError(provider, "bad_response", `${LABELS[provider]} ${step} ${why} (HTTP ${answer.status}, ${answer.text.length} characters)`);
}

/** JSON.parse that only accepts an object, and also QQ's hand-written bodies with a trailing comma. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  const attempt = (source: string): unknown => {
    try {
      return JSON.parse(source);
    } catch {
      return undefined;
    }
  };
  let value = attempt(text);
  if (value === undefined) value = attempt(text.replace(/,(\s*[}\]])/g, "$1"));
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Validates a parsed body against the documented shape, or throws bad_response naming the step. */
export function expectShape<T extends z.ZodType>(
  provider: OAuthProviderId,
  step: string,
  answer: ProviderAnswer,
  body: unknown,
  schema: T,
): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "body"))].join(", ");
    throw badResponse(provider, step, answer, `answered without the expected fields (${fields})`);
  }
  return result.data;
}

/** The provider's free-text error description, shortened; none of ours contain secrets, but keep logs sane. */
export const detail = (value: unknown): string => (typeof value === "string" && value ? `: ${value.slice(0, 120)}` : "");

/**
 * Avatar URLs as the browser will load them: empty means none, and the providers' image CDNs still hand out
 * http:// links that would be mixed content on our https pages, though they serve the same files over https.
 */
export function avatarUrl(value: unknown): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.protocol === "http:" && /(^|\.)(qlogo\.cn|qpic\.cn|sinaimg\.cn)$/.test(url.hostname)) url.protocol = "https:";
  return url.toString();
}

/** `${base}${path}` with query parameters; base URLs are validated and have no trailing slash. */
export function endpoint(base: string, path: string, query: Record<string, string> = {}): URL {
  const url = new URL(base + path);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}

/** Refuses to build an authorization URL that would make the callback unverifiable. */
export function checkAuthorizationParams(provider: OAuthProviderId, state: string, redirectUri: string): void {
  if (!state) throw new Error(`${LABELS[provider]} authorization needs a state bound to the user's session`);
  const protocol = URL.canParse(redirectUri) ? new URL(redirectUri).protocol : "";
  if (protocol !== "https:" && protocol !== "http:") throw new Error(`${LABELS[provider]} redirect_uri must be an absolute http(s) URL`);
}

/** The code and state of a successful redirect; `declined` is the provider's own way of saying the user said no. */
export function codeAndState(provider: OAuthProviderId, query: URLSearchParams, declined: OAuthError | null): CallbackResult {
  if (declined) return { ok: false, error: declined };
  const code = query.get("code");
  const state = query.get("state");
  if (!code || !state) {
    const missing = [code ? null : "code", state ? null : "state"].filter(Boolean).join(" and ");
    return { ok: false, error: new OAuthError(provider, "bad_response", `${LABELS[provider]} redirected back without ${missing}`) };
  }
  return { ok: true, code, state };
}
