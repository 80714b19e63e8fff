// Shared shapes of the QQ, WeChat and Weibo sign-in clients: what a provider tells us about a person, how a
// client fails, and the interface every provider module offers (see index.ts for the registry).

export const OAUTH_PROVIDER_IDS = ["qq", "wechat", "weibo"] as const;
export type OAuthProviderId = (typeof OAUTH_PROVIDER_IDS)[number];

export interface ProviderProfile {
  provider: OAuthProviderId;
  /** QQ openid, WeChat openid, Weibo uid (a decimal string: Weibo uids do not fit a JS number). */
  providerUserId: string;
  /** WeChat unionid; QQ unionid when the app has been granted it; null otherwise (always null for Weibo). */
  unionId: string | null;
  name: string;
  avatarUrl: string | null;
}

/**
 * Stable reasons a sign-in can fail. The provider's own code travels in `providerCode` for the logs.
 * - invalid_code: the code is unknown, expired or already used (send the user back to sign in again)
 * - invalid_client: the app id or secret was refused (configuration)
 * - redirect_mismatch: the redirect_uri differs from the one the code was issued for, or is not registered
 * - invalid_token: the provider refused the access token it had just issued
 * - access_denied: the user declined on the provider's page
 * - provider_error: any other error the provider reported
 * - bad_response: the provider answered something that is not the documented shape
 * - network_error: the provider could not be reached or did not answer in time
 */
export type OAuthErrorCode =
  | "invalid_code"
  | "invalid_client"
  | "redirect_mismatch"
  | "invalid_token"
  | "access_denied"
  | "provider_error"
  | "bad_response"
  | "network_error";

export class OAuthError extends Error {
  constructor(
    readonly provider: OAuthProviderId,
    readonly code: OAuthErrorCode,
    /** Readable, for logs; never holds a secret, an access token or an authorization code. */
    message: string,
    /** The provider's own error code (QQ `error`/`ret`, WeChat `errcode`, Weibo `error_code`), if it gave one. */
    readonly providerCode?: string | number,
  ) {
    super(message);
    this.name = "OAuthError";
  }
}

export interface QqConfig {
  appId: string;
  appKey: string;
  /** e.g. https://graph.qq.com, no trailing slash */
  baseUrl: string;
}

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** Where the QR-code page lives: https://open.weixin.qq.com */
  openUrl: string;
  /** Where the token and user-info APIs live: https://api.weixin.qq.com */
  apiUrl: string;
}

export interface WeiboConfig {
  appKey: string;
  appSecret: string;
  /** e.g. https://api.weibo.com */
  baseUrl: string;
}

export interface ProviderConfigs {
  qq: QqConfig;
  wechat: WechatConfig;
  weibo: WeiboConfig;
}

export type ProviderConfig<P extends OAuthProviderId = OAuthProviderId> = ProviderConfigs[P];

export interface AuthorizationParams {
  /** Random, bound to the user's browser session by the caller; checked again on the callback. */
  state: string;
  redirectUri: string;
}

export interface ExchangeParams {
  code: string;
  /** The same redirect_uri the authorization URL carried (QQ and Weibo send it again; WeChat does not). */
  redirectUri: string;
}

/** What the provider put on the redirect back to us. */
export type CallbackResult = { ok: true; code: string; state: string } | { ok: false; error: OAuthError };

export type FetchImpl = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface OAuthProviderClient<P extends OAuthProviderId> {
  readonly id: P;
  /** Display name for buttons and messages. */
  readonly label: string;
  authorizationUrl(config: ProviderConfig<P>, params: AuthorizationParams): string;
  /** Reads the redirect's query: a code and state, or the provider's way of saying the user declined. */
  parseCallback(query: URLSearchParams): CallbackResult;
  fetchProfile(config: ProviderConfig<P>, params: ExchangeParams, fetchImpl?: FetchImpl): Promise<ProviderProfile>;
}
