// Role-based access to /admin. A permission is one resource of the admin surface: a page (GET + route
// pattern), an API route (method + route pattern) or a server action (ACTION + action name). The rows are
// synced from the code (lib/rbac/resources.generated.ts), never typed in by hand; roles are granted them.
import { index, json, mysqlEnum, mysqlTable, primaryKey, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, idRef, updatedAt } from "./columns";
import { roles, users } from "./identity";

export const permissionCategories = ["courses", "orders", "marketing", "permissions", "content", "other"] as const;
export const permissionKinds = ["page", "api", "action"] as const;

export const permissions = mysqlTable(
  "permissions",
  {
    id: id(),
    /** `GET /admin/orders`, `DELETE /api/v1/admin/courses/[id]` or `ACTION users.setDisabled`. */
    key: varchar("permission_key", { length: 191 }).notNull(),
    kind: mysqlEnum("kind", permissionKinds).notNull(),
    /** GET, POST, PUT, PATCH, DELETE, or ACTION for a server action. */
    method: varchar("method", { length: 8 }).notNull(),
    /** The route pattern (`/admin/users/[id]`) or, for a server action, its name. */
    route: varchar("route", { length: 191 }).notNull(),
    category: mysqlEnum("category", permissionCategories).notNull(),
    nameZh: varchar("name_zh", { length: 64 }).notNull(),
    nameEn: varchar("name_en", { length: 96 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("permissions_key_uq").on(t.key), index("permissions_category_idx").on(t.category)],
);

export const rolePermissions = mysqlTable(
  "role_permissions",
  {
    roleId: idRef("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    permissionId: idRef("permission_id")
      .notNull()
      .references(() => permissions.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permissionId] }), index("role_permissions_permission_idx").on(t.permissionId)],
);

/** One row per admin write: who did what to which record, and a before/after summary. Never updated. */
export const auditLog = mysqlTable(
  "audit_log",
  {
    id: id(),
    actorId: idRef("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** The actor's name at the time, so the log still reads well after a rename or deletion. */
    actorName: varchar("actor_name", { length: 64 }).notNull(),
    /** The permission key of the write, e.g. `ACTION users.setDisabled` or `POST /api/v1/admin/courses`. */
    action: varchar("action", { length: 191 }).notNull(),
    targetType: varchar("target_type", { length: 32 }).notNull(),
    targetId: varchar("target_id", { length: 64 }).notNull(),
    summary: varchar("summary", { length: 255 }).notNull(),
    before: json("before").$type<Record<string, unknown> | null>(),
    after: json("after").$type<Record<string, unknown> | null>(),
    ip: varchar("ip", { length: 64 }).notNull().default(""),
    requestId: varchar("request_id", { length: 128 }).notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt),
    index("audit_log_action_idx").on(t.action, t.createdAt),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);
