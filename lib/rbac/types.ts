// The vocabulary of role-based access: resources (what can be protected), their declarations in code, and
// the built-in roles. Shared by the runtime guards, the scanner that finds every resource, and the UI.
import type { permissionCategories, permissionKinds } from "@/db/schema/rbac";

export type PermissionCategory = (typeof permissionCategories)[number];
export type ResourceKind = (typeof permissionKinds)[number];

/** The roles the seed creates. `super_admin` holds every resource, present and future. */
export const BUILTIN_ROLES = ["super_admin", "course_admin", "order_admin", "marketing_admin", "content_admin", "content_moderator"] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];
export const SUPER_ADMIN = "super_admin" satisfies BuiltinRole;

/** Names of the built-in roles. They are part of the product, so the permission sync creates them if missing. */
export const BUILTIN_ROLE_DETAILS: ReadonlyArray<{ key: BuiltinRole; nameZh: string; nameEn: string; description: string }> = [
  { key: "super_admin", nameZh: "超级管理员", nameEn: "Super admin", description: "拥有后台全部权限 · Full access to every admin area" },
  { key: "course_admin", nameZh: "课程管理员", nameEn: "Course admin", description: "管理分类、讲师与课程 · Manages categories, teachers and courses" },
  { key: "order_admin", nameZh: "订单管理员", nameEn: "Order admin", description: "查看订单、处理退款 · Views orders and handles refunds" },
  { key: "marketing_admin", nameZh: "营销管理员", nameEn: "Marketing admin", description: "管理优惠券与秒杀活动 · Manages coupons and flash sales" },
  { key: "content_admin", nameZh: "内容管理员", nameEn: "Content admin", description: "管理首页、公告与评论 · Manages home page, announcements and reviews" },
  { key: "content_moderator", nameZh: "内容审核员", nameEn: "Content moderator", description: "审核评价与问答、维护敏感词、禁言 · Reviews held and reported posts, keeps the word list, mutes authors" },
];

/**
 * What a guarded page, API route or server action says about itself, as a literal object at the guard call
 * (the scanner reads it from the source). `roles` are the built-in roles granted it when it first appears;
 * after that, grants are managed in the role editor.
 */
export interface ResourceDeclaration {
  category: PermissionCategory;
  zh: string;
  en: string;
  roles: readonly BuiltinRole[];
}

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export type ResourceMethod = HttpMethod | "ACTION";

export interface Resource {
  /** `GET /admin/users/[id]`, `POST /api/v1/admin/courses` or `ACTION users.setDisabled`. */
  key: string;
  kind: ResourceKind;
  method: ResourceMethod;
  /** Route pattern with `[param]` segments, or the action's name. */
  route: string;
  category: PermissionCategory;
  nameZh: string;
  nameEn: string;
  roles: readonly BuiltinRole[];
  /** Where it is declared, relative to the project root. */
  file: string;
  /** For a server action: the name it is exported under from `file`. */
  symbol?: string;
}

export const resourceKey = (method: ResourceMethod, route: string): string => `${method} ${route}`;
