// The rules behind the sign-up, reset-password and account forms (accounts.ts, which the server actions in
// account-actions.ts call), against the test MariaDB and Redis. No worker runs here: issued codes wait in the
// notifications queue, where the tests read what the person would receive.
import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { QUEUES, closeQueues, queue } from "@/lib/jobs/queues";
import type { Message } from "@/lib/notify/message";
import { changePasswordSchema, resetPasswordSchema, signUpSchema } from "./account-schemas";
import { changePassword, findAccountByIdentifier, registerAccount, resetPassword, revokeOtherSessions, revokeOwnSession, setUserDisabled } from "./accounts";
import { issueCode, type CodePurpose } from "./codes";
import { parseIdentifier } from "./identifiers";
import { hashPassword, verifyPassword } from "./password";
import { isSessionActive, listSessions, registerSession } from "./session-registry";
import { checkCredentials, findUserById } from "./users";

const newEmail = () => `Learner-${randomUUID()}@Example.com`;
const newMobile = () => `139 ${String(randomInt(0, 1e4)).padStart(4, "0")} ${String(randomInt(0, 1e4)).padStart(4, "0")}`;
const meta = { userAgent: "Vitest", ip: "127.0.0.1" };
const OLD = "Old-passw0rd";
const NEW = "New-passw0rd";

/** Asks for a code the way the form does, with the real account lookup, and returns the code that was sent. */
async function requestCode(purpose: CodePurpose, raw: string): Promise<string | null> {
  const target = parseIdentifier(raw)!;
  await issueCode({
    purpose,
    target: target.value,
    ip: `198.51.100.${randomInt(1, 255)}-${randomUUID()}`,
    locale: "zh-CN",
    findAccount: async () => ((await findAccountByIdentifier(target)) ? { locale: "zh-CN" } : undefined),
  });
  const jobs = await queue(QUEUES.notifications).getJobs(["waiting", "prioritized", "delayed"]);
  const latest = jobs.filter((job) => (job.data as Message).to === target.value).sort((a, b) => Number(b.id) - Number(a.id))[0];
  return latest ? (/\d{6}/.exec((latest.data as Message).text)?.[0] ?? null) : null;
}

async function createUser(raw: string, password = OLD): Promise<number> {
  const id = parseIdentifier(raw)!;
  const [row] = await db()
    .insert(users)
    .values({ name: "Existing", email: id.kind === "email" ? id.value : null, mobile: id.kind === "mobile" ? id.value : null, passwordHash: await hashPassword(password) })
    .$returningId();
  return Number(row!.id);
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

afterAll(async () => {
  await queue(QUEUES.notifications).drain();
  await closeQueues();
});

describe("the form schemas", () => {
  it("normalise the identifier and the code and apply the password policy", () => {
    const ok = signUpSchema.parse({ name: "  小明 ", identifier: "Ming@Example.COM ", code: "１２３ ４５６", password: NEW, terms: "on" });
    expect(ok).toEqual({ name: "小明", identifier: { kind: "email", value: "ming@example.com" }, code: "123456", password: NEW, terms: true });
    const bad = signUpSchema.safeParse({ name: "", identifier: "not an address", code: "12345", password: "short1" });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(fields).toEqual({ name: "name_required", identifier: "identifier_invalid", code: "code_format", password: "password_too_short", terms: "terms_required" });
    expect(resetPasswordSchema.safeParse({ identifier: "13812345678", code: "123456", password: "password1" }).error?.issues[0]?.message).toBe("password_too_common");
    expect(changePasswordSchema.safeParse({ currentPassword: NEW, password: NEW }).error?.issues[0]?.message).toBe("password_same_as_current");
  });
});

describe("signing up", () => {
  it("creates the account with a lower-cased email and an argon2 hash once the code checks out", async () => {
    const email = newEmail();
    const code = await requestCode("sign_up", email);
    expect(code).not.toBeNull();
    const input = signUpSchema.parse({ name: "小明", identifier: email, code: code!, password: NEW, terms: "on" });
    const result = await registerAccount(input, "en");
    expect(result.ok).toBe(true);
    const user = await findUserById(result.ok ? result.userId : 0);
    expect(user).toMatchObject({ email: email.toLowerCase(), mobile: null, name: "小明", locale: "en" });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash!, NEW)).toBe(true);
    // The consent given on the form is recorded with the account.
    expect(user!.termsAcceptedAt).toBeInstanceOf(Date);
    expect(Math.abs(user!.termsAcceptedAt!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("stores a mobile number as +86…", async () => {
    const mobile = newMobile();
    const code = await requestCode("sign_up", mobile);
    const result = await registerAccount(signUpSchema.parse({ name: "Lei", identifier: mobile, code: code!, password: NEW, terms: "on" }), "zh-CN");
    expect(result.ok).toBe(true);
    expect((await findUserById(result.ok ? result.userId : 0))?.mobile).toBe(`+86${mobile.replace(/\s/g, "")}`);
  });

  it("refuses a wrong code and creates nothing", async () => {
    const email = newEmail();
    const code = await requestCode("sign_up", email);
    const result = await registerAccount(signUpSchema.parse({ name: "X", identifier: email, code: wrong(code!), password: NEW, terms: "on" }), "zh-CN");
    expect(result).toEqual({ ok: false, error: "code_invalid" });
    expect(await findAccountByIdentifier(parseIdentifier(email)!)).toBeUndefined();
  });

  it("refuses an identifier already in use without saying so to someone who cannot receive its codes", async () => {
    const email = newEmail();
    const existing = await createUser(email);
    // No code goes to an existing account, so a guess reads exactly like a stale code.
    expect(await requestCode("sign_up", email)).toBeNull();
    const guess = await registerAccount(signUpSchema.parse({ name: "Intruder", identifier: email, code: "123456", password: NEW, terms: "on" }), "zh-CN");
    expect(guess).toEqual({ ok: false, error: "code_expired" });
    const user = await findUserById(existing);
    expect(user?.name).toBe("Existing");
    expect(await verifyPassword(user!.passwordHash!, OLD)).toBe(true);
  });

  it("refuses an identifier taken after its code was sent (the code's holder is told it is unavailable)", async () => {
    const email = newEmail();
    const code = await requestCode("sign_up", email);
    const existing = await createUser(email);
    const result = await registerAccount(signUpSchema.parse({ name: "Second", identifier: email, code: code!, password: NEW, terms: "on" }), "zh-CN");
    expect(result).toEqual({ ok: false, error: "identifier_unavailable" });
    expect((await db().select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()))).map((r) => r.id)).toEqual([existing]);
  });
});

describe("resetting a password", () => {
  it("sets the new password and ends every session of the account, and only of that account", async () => {
    const email = newEmail();
    const userId = await createUser(email);
    const other = await createUser(newEmail());
    const sessions = await Promise.all([registerSession(userId, "web", meta, 120), registerSession(userId, "api", meta, 120)]);
    const theirs = await registerSession(other, "web", meta, 120);
    const code = await requestCode("reset_password", email);
    const result = await resetPassword(resetPasswordSchema.parse({ identifier: email.toUpperCase(), code: code!, password: NEW }));
    expect(result).toEqual({ ok: true, userId, revokedSessions: 2 });
    for (const s of sessions) expect(await isSessionActive(s.sid)).toBe(false);
    expect(await isSessionActive(theirs.sid)).toBe(true);
    const user = await findUserById(userId);
    expect(await verifyPassword(user!.passwordHash!, NEW)).toBe(true);
    expect(await verifyPassword(user!.passwordHash!, OLD)).toBe(false);
  });

  it("changes nothing with a wrong code, and a used code cannot be used again", async () => {
    const email = newEmail();
    const userId = await createUser(email);
    const session = await registerSession(userId, "web", meta, 120);
    const code = await requestCode("reset_password", email);
    expect(await resetPassword(resetPasswordSchema.parse({ identifier: email, code: wrong(code!), password: NEW }))).toEqual({ ok: false, error: "code_invalid" });
    expect(await isSessionActive(session.sid)).toBe(true);
    expect(await verifyPassword((await findUserById(userId))!.passwordHash!, OLD)).toBe(true);
    expect((await resetPassword(resetPasswordSchema.parse({ identifier: email, code: code!, password: NEW }))).ok).toBe(true);
    expect(await resetPassword(resetPasswordSchema.parse({ identifier: email, code: code!, password: "Third-passw0rd" }))).toEqual({ ok: false, error: "code_expired" });
  });

  it("sends no code for an address without an account", async () => {
    expect(await requestCode("reset_password", newEmail())).toBeNull();
  });
});

describe("changing the password while signed in", () => {
  it("keeps the current session and ends the others", async () => {
    const userId = await createUser(newEmail());
    const current = await registerSession(userId, "web", meta, 120);
    const others = await Promise.all([registerSession(userId, "web", meta, 120), registerSession(userId, "api", meta, 120)]);
    const result = await changePassword(userId, current.sid, changePasswordSchema.parse({ currentPassword: OLD, password: NEW }));
    expect(result).toEqual({ ok: true, revokedSessions: 2 });
    expect(await isSessionActive(current.sid)).toBe(true);
    for (const s of others) expect(await isSessionActive(s.sid)).toBe(false);
    expect((await listSessions(userId)).map((s) => s.sid)).toEqual([current.sid]);
    expect(await verifyPassword((await findUserById(userId))!.passwordHash!, NEW)).toBe(true);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const userId = await createUser(newEmail());
    const current = await registerSession(userId, "web", meta, 120);
    const other = await registerSession(userId, "web", meta, 120);
    const result = await changePassword(userId, current.sid, changePasswordSchema.parse({ currentPassword: "Wrong-passw0rd", password: NEW }));
    expect(result).toEqual({ ok: false, error: "current_password_wrong" });
    expect(await isSessionActive(other.sid)).toBe(true);
    expect(await verifyPassword((await findUserById(userId))!.passwordHash!, OLD)).toBe(true);
  });
});

describe("ending sessions from the account page", () => {
  it("ends a session of the signed-in user but not one of somebody else, whatever id the form sends", async () => {
    const me = await createUser(newEmail());
    const someoneElse = await createUser(newEmail());
    const mine = await registerSession(me, "web", meta, 120);
    const theirs = await registerSession(someoneElse, "web", meta, 120);
    expect(await revokeOwnSession(me, theirs.sid)).toBe(false);
    expect(await isSessionActive(theirs.sid)).toBe(true);
    expect(await revokeOwnSession(me, mine.sid)).toBe(true);
    expect(await isSessionActive(mine.sid)).toBe(false);
  });

  it("signs out the other devices and keeps this one", async () => {
    const me = await createUser(newEmail());
    const keep = await registerSession(me, "web", meta, 120);
    const drop = await registerSession(me, "web", meta, 120);
    expect(await revokeOtherSessions(me, keep.sid)).toBe(1);
    expect(await isSessionActive(keep.sid)).toBe(true);
    expect(await isSessionActive(drop.sid)).toBe(false);
  });
});

describe("disabling an account", () => {
  it("ends every session of the user at once and re-enabling does not bring them back", async () => {
    const email = newEmail().toLowerCase();
    const [created] = await db().insert(users).values({ email, name: "Disabled learner", passwordHash: await hashPassword(OLD) }).$returningId();
    const userId = created!.id;
    const sessions = await Promise.all([registerSession(userId, "web", meta, 600), registerSession(userId, "api", meta, 600)]);

    expect(await setUserDisabled(userId, true)).toEqual({ revokedSessions: 2 });
    for (const s of sessions) expect(await isSessionActive(s.sid)).toBe(false);
    expect((await findUserById(userId))?.disabled).toBe(true);
    expect((await checkCredentials(email, OLD))?.disabled).toBe(true);

    expect(await setUserDisabled(userId, false)).toEqual({ revokedSessions: 0 });
    expect((await findUserById(userId))?.disabled).toBe(false);
    for (const s of sessions) expect(await isSessionActive(s.sid)).toBe(false);
  });
});
