// The rules of social sign-in and linking, end to end against the real MariaDB and Redis and an in-process
// OAuth stand-in: the real provider clients make the real round trips.
import { randomBytes, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { userIdentities, users } from "@/db/schema";
import { signInAtStandin } from "@/scripts/local/oauth-standin-browser";
import { startOAuthStandin, type OAuthStandin } from "@/scripts/local/oauth-standin";
import { unlinkIdentity } from "./identities";
import { oauthProviders, type OAuthProviderId, type ProviderConfigs } from "./oauth";
import { beginOAuth, completeOAuth, issueTicket, OAuthFlowFailure, redeemTicket, type OAuthMode, type OAuthOutcome } from "./oauth-flow";
import { hashPassword } from "./password";

const secret = () => randomBytes(16).toString("hex");
const apps = {
  qq: { appId: "101000002", appKey: secret() },
  wechat: { appId: "wx00000000000000aa", appSecret: secret() },
  weibo: { appKey: "3000000002", appSecret: secret() },
};

let standin: OAuthStandin;
let configs: Partial<ProviderConfigs>;

beforeAll(async () => {
  standin = await startOAuthStandin({ port: 0, apps });
  configs = oauthProviders({
    OAUTH_QQ_APP_ID: apps.qq.appId,
    OAUTH_QQ_APP_KEY: apps.qq.appKey,
    OAUTH_QQ_BASE_URL: `${standin.url}/qq`,
    OAUTH_WECHAT_APP_ID: apps.wechat.appId,
    OAUTH_WECHAT_APP_SECRET: apps.wechat.appSecret,
    OAUTH_WECHAT_OPEN_URL: `${standin.url}/wechat-open`,
    OAUTH_WECHAT_API_URL: `${standin.url}/wechat-api`,
    OAUTH_WEIBO_APP_KEY: apps.weibo.appKey,
    OAUTH_WEIBO_APP_SECRET: apps.weibo.appSecret,
    OAUTH_WEIBO_BASE_URL: `${standin.url}/weibo`,
  });
});
afterAll(() => standin?.close());

/** A fresh provider-side person: Weibo uids are digits, the others any word characters. */
const newPerson = (p: OAuthProviderId) => (p === "weibo" ? `${Date.now()}${randomInt(10_000, 99_999)}` : `vt-${p}-${randomBytes(8).toString("hex")}`);

interface Run {
  mode?: OAuthMode;
  /** Who starts (link mode) and who is signed in when the provider sends the browser back. */
  startedBy?: number | null;
  signedIn?: number | null;
  person: string;
  nickname?: string;
  deny?: boolean;
}

/** Start → the stand-in's page answered like a browser → callback; the outcome or the failure code. */
async function run(p: OAuthProviderId, r: Run): Promise<{ outcome?: OAuthOutcome; failure?: string; query: URLSearchParams; state: string }> {
  const mode = r.mode ?? "sign_in";
  const { url, state } = await beginOAuth({ provider: p, mode, userId: r.startedBy ?? null, returnTo: "/courses" }, { configs });
  const { callback } = await signInAtStandin(url, { userId: r.person, nickname: r.nickname, deny: r.deny });
  const query = callback.searchParams;
  try {
    const outcome = await completeOAuth({ provider: p, query, currentUserId: r.signedIn ?? null, browserState: state }, { configs });
    return { outcome, query, state };
  } catch (error) {
    if (error instanceof OAuthFlowFailure) return { failure: error.code, query, state };
    throw error;
  }
}

async function makeUser(withPassword: boolean): Promise<number> {
  const [row] = await db()
    .insert(users)
    .values({
      name: "Flow test",
      email: `oauth-flow-${randomBytes(6).toString("hex")}@example.com`,
      passwordHash: withPassword ? await hashPassword("Passw0rd!flow") : null,
    })
    .$returningId();
  return row!.id;
}

const identitiesOf = (userId: number) => db().select().from(userIdentities).where(eq(userIdentities.userId, userId));

describe("signing in with a provider", () => {
  it.each(["qq", "wechat", "weibo"] as const)("%s: a first sign-in creates an account without email or password; the next finds it", async (p) => {
    const person = newPerson(p);
    const first = await run(p, { person, nickname: "李雷" });
    expect(first.outcome).toMatchObject({ kind: "signed_in", created: true, returnTo: "/courses" });
    const userId = first.outcome!.userId;
    const [user] = await db().select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ name: "李雷", email: null, mobile: null, passwordHash: null, disabled: false });
    // The buttons that start this state the consent to the terms; the new account records when it was given.
    expect(user!.termsAcceptedAt).toBeInstanceOf(Date);
    expect((await identitiesOf(userId)).map((i) => [i.provider, i.providerUserId, i.displayName])).toEqual([[p, person, "李雷"]]);

    const again = await run(p, { person, nickname: "改了昵称" });
    expect(again.outcome).toEqual({ kind: "signed_in", userId, created: false, returnTo: "/courses" });
  });

  it("never matches an account by email: a new identity gets a new account", async () => {
    const a = await run("qq", { person: newPerson("qq") });
    const b = await run("qq", { person: newPerson("qq") });
    expect(a.outcome?.userId).not.toBe(b.outcome?.userId);
  });

  it("refuses a disabled account", async () => {
    const person = newPerson("weibo");
    const first = await run("weibo", { person });
    await db().update(users).set({ disabled: true }).where(eq(users.id, first.outcome!.userId));
    expect((await run("weibo", { person })).failure).toBe("account_disabled");
  });

  it("reports a declined authorisation as access_denied and creates nothing", async () => {
    const person = newPerson("wechat");
    expect((await run("wechat", { person, deny: true })).failure).toBe("access_denied");
    expect(await db().select().from(userIdentities).where(eq(userIdentities.providerUserId, person))).toEqual([]);
  });
});

describe("the state", () => {
  it("is single use: replaying a successful callback fails", async () => {
    const first = await run("qq", { person: newPerson("qq") });
    expect(first.outcome?.kind).toBe("signed_in");
    await expect(completeOAuth({ provider: "qq", query: first.query, currentUserId: null, browserState: first.state }, { configs })).rejects.toMatchObject({
      code: "bad_state",
    });
  });

  it("binds the callback to the browser that started, and to the provider", async () => {
    const { url, state } = await beginOAuth({ provider: "weibo", mode: "sign_in", userId: null, returnTo: "/" }, { configs });
    const { callback } = await signInAtStandin(url, { userId: newPerson("weibo") });
    // Another browser (no state cookie, or its own) cannot finish it; the state is used up by the attempt.
    await expect(completeOAuth({ provider: "weibo", query: callback.searchParams, currentUserId: null, browserState: null }, { configs })).rejects.toMatchObject({
      code: "bad_state",
    });
    await expect(completeOAuth({ provider: "weibo", query: callback.searchParams, currentUserId: null, browserState: state }, { configs })).rejects.toMatchObject({
      code: "bad_state",
    });
    const forged = new URLSearchParams({ code: "x", state: "never-issued" });
    await expect(completeOAuth({ provider: "qq", query: forged, currentUserId: null, browserState: "never-issued" }, { configs })).rejects.toMatchObject({
      code: "bad_state",
    });
  });
});

describe("linking", () => {
  it("links to the signed-in account that started it, once", async () => {
    const userId = await makeUser(true);
    const person = newPerson("wechat");
    const linked = await run("wechat", { mode: "link", startedBy: userId, signedIn: userId, person });
    expect(linked.outcome).toEqual({ kind: "linked", userId, returnTo: "/courses" });
    expect((await identitiesOf(userId)).map((i) => i.providerUserId)).toEqual([person]);
    // Signing in with it now opens that account.
    expect((await run("wechat", { person })).outcome).toMatchObject({ kind: "signed_in", userId, created: false });
  });

  it("needs the same user signed in when the provider sends the browser back", async () => {
    const userId = await makeUser(true);
    const other = await makeUser(true);
    expect((await run("qq", { mode: "link", startedBy: userId, signedIn: other, person: newPerson("qq") })).failure).toBe("wrong_account");
    expect((await run("qq", { mode: "link", startedBy: userId, signedIn: null, person: newPerson("qq") })).failure).toBe("wrong_account");
    expect(await identitiesOf(userId)).toEqual([]);
    expect(await identitiesOf(other)).toEqual([]);
    await expect(beginOAuth({ provider: "qq", mode: "link", userId: null, returnTo: "/" }, { configs })).rejects.toMatchObject({ code: "sign_in_required" });
  });

  it("refuses an identity that belongs to someone else", async () => {
    const person = newPerson("weibo");
    const owner = (await run("weibo", { person })).outcome!.userId;
    const userId = await makeUser(true);
    expect((await run("weibo", { mode: "link", startedBy: userId, signedIn: userId, person })).failure).toBe("identity_taken");
    expect(await identitiesOf(userId)).toEqual([]);
    expect((await identitiesOf(owner)).map((i) => i.providerUserId)).toEqual([person]);
  });

  it("refuses a second identity of the same provider", async () => {
    const userId = await makeUser(true);
    await run("qq", { mode: "link", startedBy: userId, signedIn: userId, person: newPerson("qq") });
    expect((await run("qq", { mode: "link", startedBy: userId, signedIn: userId, person: newPerson("qq") })).failure).toBe("provider_already_linked");
  });
});

describe("unlinking", () => {
  it("is refused for the last way to sign in, allowed while another remains", async () => {
    const userId = (await run("qq", { person: newPerson("qq") })).outcome!.userId; // no password
    expect(await unlinkIdentity(userId, "qq")).toBe("last_sign_in_method");
    expect(await identitiesOf(userId)).toHaveLength(1);

    await run("weibo", { mode: "link", startedBy: userId, signedIn: userId, person: newPerson("weibo") });
    expect(await unlinkIdentity(userId, "qq")).toBe("unlinked");
    expect((await identitiesOf(userId)).map((i) => i.provider)).toEqual(["weibo"]);
    expect(await unlinkIdentity(userId, "weibo")).toBe("last_sign_in_method");
  });

  it("is allowed for the only identity of an account with a password", async () => {
    const userId = await makeUser(true);
    await run("wechat", { mode: "link", startedBy: userId, signedIn: userId, person: newPerson("wechat") });
    expect(await unlinkIdentity(userId, "wechat")).toBe("unlinked");
    expect(await identitiesOf(userId)).toEqual([]);
  });

  it("only touches the caller's own identities", async () => {
    const owner = (await run("weibo", { person: newPerson("weibo") })).outcome!.userId;
    await run("qq", { mode: "link", startedBy: owner, signedIn: owner, person: newPerson("qq") });
    const stranger = await makeUser(true);
    expect(await unlinkIdentity(stranger, "qq")).toBe("not_linked");
    expect(await identitiesOf(owner)).toHaveLength(2);
  });
});

describe("sign-in tickets", () => {
  it("are redeemed once", async () => {
    const ticket = await issueTicket(4242);
    expect(await redeemTicket(ticket)).toBe(4242);
    expect(await redeemTicket(ticket)).toBeNull();
    expect(await redeemTicket("not-a-ticket-at-all")).toBeNull();
  });
});
