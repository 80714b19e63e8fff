// Accounts and roles. Sessions and credentials live in Redis (see lib/auth); this is the source of truth for people.
import { boolean, index, mysqlEnum, mysqlTable, primaryKey, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, timestamp, updatedAt } from "./columns";

export const users = mysqlTable(
  "users",
  {
    id: id(),
    email: varchar("email", { length: 191 }),
    mobile: varchar("mobile", { length: 20 }),
    name: varchar("name", { length: 64 }).notNull(),
    /** argon2id hash; null for accounts that only sign in through QQ, WeChat or Weibo. */
    passwordHash: varchar("password_hash", { length: 255 }),
    locale: varchar("locale", { length: 8 }).notNull().default("zh-CN"),
    disabled: boolean("disabled").notNull().default(false),
    lastSignInAt: timestamp("last_sign_in_at"),
    /** When the person agreed to the terms of service and privacy policy at sign-up; null for older accounts. */
    termsAcceptedAt: timestamp("terms_accepted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    uniqueIndex("users_mobile_uq").on(t.mobile),
    index("users_created_idx").on(t.createdAt),
  ],
);

export const roles = mysqlTable(
  "roles",
  {
    id: id(),
    /** Stable machine name, e.g. `super_admin`; the seeded roles are referred to by it. */
    key: varchar("role_key", { length: 64 }).notNull(),
    nameZh: varchar("name_zh", { length: 64 }).notNull(),
    nameEn: varchar("name_en", { length: 64 }).notNull(),
    description: varchar("description", { length: 255 }).notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("roles_key_uq").on(t.key)],
);

export const userRoles = mysqlTable(
  "user_roles",
  {
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: idRef("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index("user_roles_role_idx").on(t.roleId)],
);

export const identityProviders = ["qq", "wechat", "weibo"] as const;

/**
 * A QQ, WeChat or Weibo account linked to one of ours. Made on a first sign-in through the provider, or while
 * signed in (linking); never by matching an email, which the providers do not vouch for.
 */
export const userIdentities = mysqlTable(
  "user_identities",
  {
    id: id(),
    userId: idRef("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: mysqlEnum("provider", identityProviders).notNull(),
    /** QQ / WeChat openid, Weibo uid (a decimal string). */
    providerUserId: varchar("provider_user_id", { length: 128 }).notNull(),
    unionId: varchar("union_id", { length: 128 }),
    displayName: varchar("display_name", { length: 64 }).notNull(),
    avatarUrl: varchar("avatar_url", { length: 512 }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("user_identities_provider_uq").on(t.provider, t.providerUserId), index("user_identities_user_idx").on(t.userId)],
);
