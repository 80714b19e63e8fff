// What the three provider stand-ins share: the grants they hand out (pending sign-in pages, authorization
// codes, access tokens), the test identities, and the shape of a provider module. Everything is in memory.
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export type StandinProvider = "qq" | "wechat" | "weibo";

export interface Identity {
  /** QQ openid, WeChat openid or Weibo uid, as typed on the sign-in page. */
  userId: string;
  nickname: string;
  /** Empty when the person has no avatar. */
  avatarUrl: string;
}

interface Pending {
  provider: StandinProvider;
  clientId: string;
  redirectUri: string;
  state: string;
  expiresAt: number;
}

export interface CodeGrant {
  provider: StandinProvider;
  clientId: string;
  redirectUri: string;
  identity: Identity;
  expiresAt: number;
  used: boolean;
}

export interface TokenGrant {
  provider: StandinProvider;
  clientId: string;
  identity: Identity;
  expiresAt: number;
}

/** Codes live 10 minutes and work once (all three providers document this). */
export const CODE_TTL_MS = 10 * 60_000;
const PAGE_TTL_MS = 10 * 60_000;

export class StandinStore {
  private readonly pending = new Map<string, Pending>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly tokens = new Map<string, TokenGrant>();

  constructor(readonly now: () => number) {}

  openPage(request: Omit<Pending, "expiresAt">): string {
    this.sweep();
    const id = randomBytes(16).toString("hex");
    this.pending.set(id, { ...request, expiresAt: this.now() + PAGE_TTL_MS });
    return id;
  }

  /** The sign-in request behind a submitted page; each page can be submitted once. */
  takePage(id: string): Pending | undefined {
    const page = this.pending.get(id);
    this.pending.delete(id);
    return page && page.expiresAt > this.now() ? page : undefined;
  }

  issueCode(code: string, grant: Omit<CodeGrant, "expiresAt" | "used">): string {
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_TTL_MS, used: false });
    return code;
  }

  /** A code as the token endpoint sees it; the caller marks it used once every other check has passed. */
  lookupCode(code: string): { status: "ok"; grant: CodeGrant } | { status: "used"; grant: CodeGrant } | { status: "unknown" } | { status: "expired" } {
    const grant = this.codes.get(code);
    if (!grant) return { status: "unknown" };
    if (grant.expiresAt <= this.now()) return { status: "expired" };
    return grant.used ? { status: "used", grant } : { status: "ok", grant };
  }

  issueToken(token: string, grant: Omit<TokenGrant, "expiresAt">, ttlSeconds: number): string {
    this.tokens.set(token, { ...grant, expiresAt: this.now() + ttlSeconds * 1000 });
    return token;
  }

  lookupToken(token: string): { status: "ok"; grant: TokenGrant } | { status: "unknown" } | { status: "expired" } {
    const grant = this.tokens.get(token);
    if (!grant) return { status: "unknown" };
    return grant.expiresAt <= this.now() ? { status: "expired" } : { status: "ok", grant };
  }

  private sweep(): void {
    const now = this.now();
    for (const map of [this.pending, this.codes, this.tokens] as Map<string, { expiresAt: number }>[]) {
      for (const [key, value] of map) if (value.expiresAt + CODE_TTL_MS <= now) map.delete(key);
    }
  }
}

export const hex = (bytes: number, upper = false) => {
  const value = randomBytes(bytes).toString("hex");
  return upper ? value.toUpperCase() : value;
};
export const base64url = (bytes: number) => randomBytes(bytes).toString("base64url");
export const digest = (text: string) => createHash("sha256").update(text).digest();

export function randomNickname(): string {
  return `测试用户${randomInt(1000, 10_000)}`;
}

/** A reply from an API endpoint, in the provider's own content type. */
export interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export const jsonReply = (status: number, body: unknown, contentType = "application/json; charset=utf-8"): Reply => ({
  status,
  contentType,
  body: JSON.stringify(body),
});

export type AuthorizeCheck =
  | { ok: true; clientId: string; redirectUri: string; state: string }
  | { ok: false; page: { status: number; code: string; message: string } }
  | { ok: false; redirect: string };

export interface StandinApiRequest {
  method: string;
  /** Path below the provider's prefix, e.g. "/oauth2.0/token". */
  path: string;
  /** Query parameters, then form fields of a POST body (providers accept both). */
  params: URLSearchParams;
}

export interface ProviderStandin {
  id: StandinProvider;
  /** Page heading, e.g. "QQ 登录（本地模拟）". */
  title: string;
  /** Path prefix of the sign-in page and the path of its authorize endpoint below it. */
  pagePrefix: string;
  authorizePath: string;
  userIdLabel: string;
  userIdPattern: RegExp;
  randomUserId(): string;
  /** Validates the authorize query the way the provider does. */
  checkAuthorize(query: URLSearchParams): AuthorizeCheck;
  /** Where the browser goes after "authorize" and after "deny". */
  approved(redirectUri: string, code: string, state: string): string;
  denied(redirectUri: string, state: string): string;
  newCode(): string;
  /** API prefix (may differ from the page prefix: WeChat has open.weixin.qq.com and api.weixin.qq.com). */
  apiPrefix: string;
  api(request: StandinApiRequest): Reply | undefined;
}

/** Adds parameters to a redirect_uri, keeping the ones it already has. */
export function withParams(redirectUri: string, params: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Whether a redirect_uri could be registered for an app: an absolute http(s) URL without a fragment, on one of
 * the allowed hosts when the stand-in was given a list (the providers' "callback domain" setting).
 */
export function acceptableRedirect(value: string | null, allowedHosts: readonly string[] | undefined): value is string {
  if (!value || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.hash || url.username || url.password) return false;
  return !allowedHosts || allowedHosts.includes(url.host) || allowedHosts.includes(url.hostname);
}

export const secretMatches = (given: string | null, expected: string): boolean =>
  given !== null && timingSafeEqual(digest(given), digest(expected));
