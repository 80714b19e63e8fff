// What /admin/users reads: the user list (search by name, email or mobile; filter by role, "no role" meaning
// learners, and by status; newest first, paged) and one user's detail with their roles.
import "server-only";
import { and, asc, count, desc, eq, exists, inArray, like, notExists, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { roles, userIdentities, userRoles, users } from "@/db/schema";

/** `role` is a role key, or `none` for users without any role (learners). */
export const NO_ROLE = "none";

export const userListFilter = z.object({
  q: z.string().trim().max(100).optional(),
  role: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/)
    .optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
export type UserListFilter = z.infer<typeof userListFilter>;

export interface RoleRef {
  key: string;
  nameZh: string;
  nameEn: string;
}

export interface RoleOption extends RoleRef {
  id: number;
  description: string;
}

export interface AdminUserRow {
  id: number;
  name: string;
  email: string | null;
  mobile: string | null;
  disabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  roles: RoleRef[];
}

export interface AdminUserDetail extends AdminUserRow {
  locale: string;
  hasPassword: boolean;
  identities: number;
  updatedAt: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(filter: UserListFilter): SQL | undefined {
  const where: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    const matches = [like(users.name, pattern), like(users.email, pattern), like(users.mobile, pattern)];
    // Mobiles are stored as +8613812345678; let "138 1234 5678" or "138-1234-5678" find them.
    const digits = filter.q.replace(/[\s()-]/g, "");
    if (/^\+?\d{3,}$/.test(digits) && digits !== filter.q) matches.push(like(users.mobile, `%${digits}%`));
    where.push(or(...matches)!);
  }
  if (filter.status) where.push(eq(users.disabled, filter.status === "disabled"));
  if (filter.role === NO_ROLE) {
    where.push(notExists(db().select({ one: userRoles.userId }).from(userRoles).where(eq(userRoles.userId, users.id))));
  } else if (filter.role) {
    where.push(
      exists(
        db()
          .select({ one: userRoles.userId })
          .from(userRoles)
          .innerJoin(roles, eq(roles.id, userRoles.roleId))
          .where(and(eq(userRoles.userId, users.id), eq(roles.key, filter.role))),
      ),
    );
  }
  return where.length > 0 ? and(...where) : undefined;
}

async function rolesOf(userIds: number[]): Promise<Map<number, RoleRef[]>> {
  const byUser = new Map<number, RoleRef[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db()
    .select({ userId: userRoles.userId, key: roles.key, nameZh: roles.nameZh, nameEn: roles.nameEn })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(roles.id));
  for (const { userId, ...role } of rows) {
    const list = byUser.get(Number(userId)) ?? [];
    list.push(role);
    byUser.set(Number(userId), list);
  }
  return byUser;
}

const rowColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  mobile: users.mobile,
  disabled: users.disabled,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
};

export async function listAdminUsers(filter: UserListFilter, page: number, perPage: number): Promise<{ rows: AdminUserRow[]; total: number }> {
  const where = conditions(filter);
  const [rows, [totalRow]] = await Promise.all([
    db()
      .select(rowColumns)
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), desc(users.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db().select({ total: count() }).from(users).where(where),
  ]);
  const roleMap = await rolesOf(rows.map((r) => Number(r.id)));
  return {
    total: Number(totalRow?.total ?? 0),
    rows: rows.map((r) => ({ ...r, id: Number(r.id), roles: roleMap.get(Number(r.id)) ?? [] })),
  };
}

/** Null when there is no such user. */
export async function getAdminUser(id: number): Promise<AdminUserDetail | null> {
  const [user] = await db()
    .select({ ...rowColumns, locale: users.locale, passwordHash: users.passwordHash, updatedAt: users.updatedAt })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!user) return null;
  const [roleMap, [identityRow]] = await Promise.all([rolesOf([id]), db().select({ n: count() }).from(userIdentities).where(eq(userIdentities.userId, id))]);
  const { passwordHash, ...rest } = user;
  return { ...rest, id: Number(user.id), hasPassword: passwordHash !== null, identities: Number(identityRow?.n ?? 0), roles: roleMap.get(id) ?? [] };
}

/** Every role, for the filter and the role checkboxes; the built-in ones first (they were created first). */
export async function listRoleOptions(): Promise<RoleOption[]> {
  const rows = await db().select({ id: roles.id, key: roles.key, nameZh: roles.nameZh, nameEn: roles.nameEn, description: roles.description }).from(roles).orderBy(asc(roles.id));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export const roleName = (role: RoleRef, locale: string) => (locale === "en" ? role.nameEn : role.nameZh);
