// Fresh accounts for tests, optionally holding some of the built-in roles.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { roles, userRoles, users } from "@/db/schema";

export async function createTestUser(roleKeys: readonly string[] = [], name = "测试用户"): Promise<number> {
  const email = `rbac-${randomUUID()}@example.com`;
  await db().insert(users).values({ email, name });
  const [row] = await db().select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error("test user was not created");
  if (roleKeys.length > 0) {
    const found = await db().select({ id: roles.id }).from(roles).where(inArray(roles.key, [...roleKeys]));
    if (found.length !== roleKeys.length) throw new Error(`unknown role among ${roleKeys.join(", ")}`);
    await db().insert(userRoles).values(found.map((r) => ({ userId: row.id, roleId: r.id })));
  }
  return row.id;
}
