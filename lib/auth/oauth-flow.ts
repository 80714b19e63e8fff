// Signing in with QQ, WeChat and Weibo, and linking them to an account. The route handlers
// (app/api/auth/oauth/[provider]/…) only adapt HTTP; the rules live here:
// - start: a random `state` in Redis (10 min, single use) remembers the mode, who started a link and where to
//   return; the browser goes to the provider.
// - callback: the state is consumed atomically (GETDEL) before anything else, then the provider's profile
//   decides. Sign-in finds the account of that identity or creates one; linking needs the same user still
//   signed in and an identity nobody else holds. Accounts are never matched by email.
// - a sign-in ends in a one-time ticket (60 s, single use) that the `oauth-ticket` Auth.js provider redeems,
//   so the session is made by the same code as a password sign-in.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { userIdentities, users } from "@/db/schema";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { key, redis } from "@/lib/redis";
import { oauthClient, oauthProviders, OAUTH_PROVIDER_IDS, OAuthError, type OAuthProviderId, type ProviderConfigs, type ProviderProfile } from "./oauth";
import { sameSitePath } from "./return-path";
import { findUserById } from "./users";

export const STATE_TTL_SECONDS = 10 * 60;
export const TICKET_TTL_SECONDS = 60;

export type OAuthMode = "sign_in" | "link";

/** Codes the sign-in page and the linked-providers list translate (OAuth.errors.*). */
export type OAuthFlowError =
  | "unknown_provider"
  | "access_denied"
  | "bad_state"
  | "provider_error"
  | "account_disabled"
  | "identity_taken"
  | "provider_already_linked"
  | "wrong_account"
  | "sign_in_required"
  | "rate_limited"
  | "unavailable";

export function isProviderId(value: string): value is OAuthProviderId {
  return (OAUTH_PROVIDER_IDS as readonly string[]).includes(value);
}

/** The enabled providers; a configuration error is logged and treated as "none", never shown. */
export function enabledProviders(source: Record<string, string | undefined> = process.env): Partial<ProviderConfigs> {
  try {
    return oauthProviders(source);
  } catch (error) {
    logger.error({ err: error }, "social sign-in is misconfigured");
    return {};
  }
}

/** Where a failed flow lands: the sign-in page, or for a link the page it started from. */
export function failureUrl(failure: { code: OAuthFlowError; mode: OAuthMode; returnTo: string }): string {
  if (failure.mode === "link") {
    const url = new URL(failure.returnTo, "http://x");
    url.searchParams.set("oauth_error", failure.code);
    return url.pathname + url.search;
  }
  const params = new URLSearchParams({ error: failure.code });
  if (failure.returnTo !== "/") params.set("returnTo", failure.returnTo);
  return `/sign-in?${params}`;
}

/** The cookie holding the state of the flow this browser started. */
export const STATE_COOKIE = "xf-oauth-state";

export const callbackUrl = (provider: OAuthProviderId) => `${env().APP_URL}/api/auth/oauth/${provider}/callback`;

const storedState = z.object({
  provider: z.enum(OAUTH_PROVIDER_IDS),
  mode: z.enum(["sign_in", "link"]),
  userId: z.number().int().positive().nullable(),
  returnTo: z.string(),
});
type StoredState = z.infer<typeof storedState>;

const token = () => randomBytes(24).toString("base64url");

export class OAuthFlowFailure extends Error {
  constructor(
    readonly code: OAuthFlowError,
    readonly returnTo: string,
    readonly mode: OAuthMode,
  ) {
    super(code);
  }
}

interface Deps {
  /** Defaults to the providers configured in the environment (tests pass their own stand-in). */
  configs?: Partial<ProviderConfigs>;
}

/** The provider's authorization URL and the state to keep in the browser; the caller redirects there. */
export async function beginOAuth(
  input: { provider: OAuthProviderId; mode: OAuthMode; userId: number | null; returnTo: string },
  deps: Deps = {},
): Promise<{ url: string; state: string }> {
  const config = (deps.configs ?? enabledProviders())[input.provider];
  if (!config) throw new OAuthFlowFailure("unknown_provider", input.returnTo, input.mode);
  if (input.mode === "link" && input.userId === null) throw new OAuthFlowFailure("sign_in_required", input.returnTo, input.mode);
  const state = token();
  const value: StoredState = {
    provider: input.provider,
    mode: input.mode,
    userId: input.mode === "link" ? input.userId : null,
    returnTo: sameSitePath(input.returnTo),
  };
  await redis().set(key("oauth-state", state), JSON.stringify(value), { ex: STATE_TTL_SECONDS });
  return { url: oauthClient(input.provider).authorizationUrl(config as never, { state, redirectUri: callbackUrl(input.provider) }), state };
}

/** Reads and deletes a state in one step, so a replayed callback finds nothing. */
async function consumeState(state: string): Promise<StoredState | null> {
  const raw = await redis().getdel<string>(key("oauth-state", state));
  if (typeof raw !== "string") return null;
  try {
    const parsed = storedState.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type OAuthOutcome = { kind: "signed_in"; userId: number; created: boolean; returnTo: string } | { kind: "linked"; userId: number; returnTo: string };

/**
 * Finishes a sign-in or link from the provider's redirect. `currentUserId` is whoever is signed in on this
 * request now. Throws OAuthFlowFailure with a code to show; logs the details of provider failures.
 */
export async function completeOAuth(
  input: {
    provider: OAuthProviderId;
    query: URLSearchParams;
    currentUserId: number | null;
    /** The state this browser was given at the start (a cookie): binds the callback to the browser that began. */
    browserState: string | null;
  },
  deps: Deps = {},
): Promise<OAuthOutcome> {
  const { provider, query } = input;
  const client = oauthClient(provider);
  const parsed = client.parseCallback(query);
  // The state is consumed even when the user declined, so it cannot be used afterwards.
  const rawState = query.get("state");
  const state = rawState ? await consumeState(rawState) : null;
  const mode: OAuthMode = state?.mode ?? "sign_in";
  const returnTo = state?.returnTo ?? "/";
  if (!parsed.ok) {
    if (parsed.error.code === "access_denied") throw new OAuthFlowFailure("access_denied", returnTo, mode);
    logger.warn({ provider, code: parsed.error.code, err: parsed.error.message }, "social sign-in callback refused");
    throw new OAuthFlowFailure("provider_error", returnTo, mode);
  }
  // A callback carried to another browser (login CSRF: "sign in as me by opening this link") fails here.
  if (!state || state.provider !== provider || input.browserState !== rawState) throw new OAuthFlowFailure("bad_state", returnTo, mode);
  const config = (deps.configs ?? enabledProviders())[provider];
  if (!config) throw new OAuthFlowFailure("unknown_provider", returnTo, mode);

  let profile: ProviderProfile;
  try {
    profile = await client.fetchProfile(config as never, { code: parsed.code, redirectUri: callbackUrl(provider) });
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    logger.warn({ provider, code: error.code, providerCode: error.providerCode, err: error.message }, "social sign-in profile fetch failed");
    throw new OAuthFlowFailure("provider_error", returnTo, mode);
  }

  if (state.mode === "link") {
    if (state.userId === null || input.currentUserId !== state.userId) throw new OAuthFlowFailure("wrong_account", returnTo, mode);
    await linkIdentity(state.userId, profile, returnTo);
    return { kind: "linked", userId: state.userId, returnTo };
  }
  const { userId, created } = await findOrCreateUser(profile, returnTo);
  return { kind: "signed_in", userId, created, returnTo };
}

async function findIdentity(provider: OAuthProviderId, providerUserId: string) {
  const [row] = await db()
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.provider, provider), eq(userIdentities.providerUserId, providerUserId)))
    .limit(1);
  return row;
}

const identityRow = (userId: number, p: ProviderProfile) => ({
  userId,
  provider: p.provider,
  providerUserId: p.providerUserId,
  unionId: p.unionId,
  displayName: p.name.slice(0, 64),
  avatarUrl: p.avatarUrl && p.avatarUrl.length <= 512 ? p.avatarUrl : null,
});

const isDuplicate = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "ER_DUP_ENTRY" || e?.cause?.code === "ER_DUP_ENTRY";
};

async function linkIdentity(userId: number, profile: ProviderProfile, returnTo: string): Promise<void> {
  const existing = await findIdentity(profile.provider, profile.providerUserId);
  if (existing) {
    if (existing.userId === userId) return; // linked already: nothing to do
    throw new OAuthFlowFailure("identity_taken", returnTo, "link");
  }
  const [other] = await db()
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.provider, profile.provider)))
    .limit(1);
  if (other) throw new OAuthFlowFailure("provider_already_linked", returnTo, "link");
  try {
    await db().insert(userIdentities).values(identityRow(userId, profile));
  } catch (error) {
    // Someone linked or signed up with the same identity between the check and the insert.
    if (isDuplicate(error)) throw new OAuthFlowFailure("identity_taken", returnTo, "link");
    throw error;
  }
}

async function findOrCreateUser(profile: ProviderProfile, returnTo: string): Promise<{ userId: number; created: boolean }> {
  const existing = await findIdentity(profile.provider, profile.providerUserId);
  if (existing) {
    const user = await findUserById(existing.userId);
    if (!user || user.disabled) throw new OAuthFlowFailure("account_disabled", returnTo, "sign_in");
    return { userId: user.id, created: false };
  }
  try {
    const userId = await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        // The provider buttons state the consent to the terms (components/auth/oauth-buttons.tsx).
        .values({ name: profile.name.slice(0, 64) || profile.provider, termsAcceptedAt: new Date() })
        .$returningId();
      if (!row) throw new Error("inserting a user returned no id");
      const id = row.id;
      await tx.insert(userIdentities).values(identityRow(id, profile));
      return id;
    });
    return { userId, created: true };
  } catch (error) {
    // Two first sign-ins raced: the other one made the account; use it.
    if (!isDuplicate(error)) throw error;
    const again = await findIdentity(profile.provider, profile.providerUserId);
    if (!again) throw error;
    return { userId: again.userId, created: false };
  }
}

/** A one-time ticket the `oauth-ticket` sign-in provider redeems for a session of this user. */
export async function issueTicket(userId: number): Promise<string> {
  const ticket = token();
  await redis().set(key("oauth-ticket", ticket), String(userId), { ex: TICKET_TTL_SECONDS });
  return ticket;
}

/** The user id of a ticket, once; null for an unknown, expired or already used ticket. */
export async function redeemTicket(ticket: string): Promise<number | null> {
  if (!/^[\w-]{16,64}$/.test(ticket)) return null;
  const raw = await redis().getdel<string>(key("oauth-ticket", ticket));
  const id = Number(raw);
  return typeof raw === "string" && Number.isInteger(id) && id > 0 ? id : null;
}
