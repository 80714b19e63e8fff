// The QQ, WeChat and Weibo identities linked to an account, and the rule for removing one: an account always
// keeps a way to sign in (its password or another linked provider).
import "server-only";
import { and, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { userIdentities, users } from "@/db/schema";
import type { OAuthProviderId } from "./oauth";

export type LinkedIdentity = Pick<typeof userIdentities.$inferSelect, "id" | "provider" | "displayName" | "avatarUrl" | "createdAt">;

export async function listIdentities(userId: number): Promise<LinkedIdentity[]> {
  return db()
    .select({
      id: userIdentities.id,
      provider: userIdentities.provider,
      displayName: userIdentities.displayName,
      avatarUrl: userIdentities.avatarUrl,
      createdAt: userIdentities.createdAt,
    })
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId))
    .orderBy(userIdentities.createdAt);
}

export type UnlinkResult = "unlinked" | "not_linked" | "last_sign_in_method";

/**
 * Removes the account's identity at `provider`. Scoped by owner: another user's identity is "not_linked".
 * The user row is locked for the check and the delete, so two concurrent unlinks cannot both pass the rule
 * and leave an account nobody can sign in to.
 */
export async function unlinkIdentity(userId: number, provider: OAuthProviderId): Promise<UnlinkResult> {
  return db().transaction(async (tx) => {
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return "not_linked";
    const mine = and(eq(userIdentities.userId, userId), eq(userIdentities.provider, provider));
    const [target] = await tx.select({ id: userIdentities.id }).from(userIdentities).where(mine).limit(1);
    if (!target) return "not_linked";
    const [total] = await tx.select({ n: count() }).from(userIdentities).where(eq(userIdentities.userId, userId));
    const others = (total?.n ?? 0) - 1;
    if (!user.passwordHash && others < 1) return "last_sign_in_method";
    await tx.delete(userIdentities).where(and(mine, eq(userIdentities.id, target.id)));
    return "unlinked";
  });
}
