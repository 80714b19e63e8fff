// Social sign-in with QQ, WeChat and Weibo: one client per provider behind one interface. Configuration comes
// from oauthProviders(process.env) (config.ts); the same code talks to the real providers and to the local
// stand-in (scripts/local/oauth-standin.ts), only the base URLs differ.
//
//   const configs = oauthProviders(process.env);
//   const config = configs.qq;                       // undefined when QQ sign-in is off
//   redirect(oauthClients.qq.authorizationUrl(config, { state, redirectUri }));
//   ...on the callback: const result = oauthClients.qq.parseCallback(url.searchParams); check result.state,
//   then const profile = await oauthClients.qq.fetchProfile(config, { code: result.code, redirectUri });
import "server-only";
import * as qq from "./qq";
import type { OAuthProviderClient, OAuthProviderId } from "./types";
import * as wechat from "./wechat";
import * as weibo from "./weibo";

export const oauthClients = { qq, wechat, weibo } satisfies { [P in OAuthProviderId]: OAuthProviderClient<P> };

/** The client of one provider, typed by its id (e.g. from a `[provider]` route segment, once validated). */
export function oauthClient<P extends OAuthProviderId>(id: P): OAuthProviderClient<P> {
  return oauthClients[id] as unknown as OAuthProviderClient<P>;
}

export { oauthProviders, OAUTH_CREDENTIAL_VARIABLES } from "./config";
export { OAUTH_PROVIDER_IDS, OAuthError } from "./types";
export type { CallbackResult, OAuthErrorCode, OAuthProviderClient, OAuthProviderId, ProviderConfig, ProviderConfigs, ProviderProfile } from "./types";
