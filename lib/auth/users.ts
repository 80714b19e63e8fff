// Reading accounts for authentication: by login (email or mobile) and with their role keys.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { roles, userRoles, users } from "@/db/schema";
import { parseIdentifier } from "./identifiers";
import { burnPasswordCheck, verifyPassword } from "./password";

export type UserRow = typeof users.$inferSelect;

/** By email (any case) or mobile number (any of the usual ways of writing it, stored as +86...). */
export async function findUserByLogin(login: string): Promise<UserRow | undefined> {
  const id = parseIdentifier(login);
  if (!id) return undefined;
  const [user] = await db()
    .select()
    .from(users)
    .where(id.kind === "email" ? eq(users.email, id.value) : eq(users.mobile, id.value))
    .limit(1);
  return user;
}

export async function findUserById(id: number): Promise<UserRow | undefined> {
  const [user] = await db().select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function roleKeys(userId: number): Promise<string[]> {
  const rows = await db().select({ key: roles.key }).from(userRoles).innerJoin(roles, eq(roles.id, userRoles.roleId)).where(eq(userRoles.userId, userId));
  return rows.map((r) => r.key).sort();
}

/**
 * The account for a login and password, or null. A missing account, an account without a password and a wrong
 * password look the same from outside (same answer, about the same time).
 */
export async function checkCredentials(login: string, password: string): Promise<UserRow | null> {
  const user = await findUserByLogin(login);
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

export async function recordSignIn(userId: number): Promise<void> {
  await db().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
}
