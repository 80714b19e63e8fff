// The sections of /admin. The shell shows a section only when its page's permission is held, so a new page
// needs no change here to stay hidden from those who may not open it.
export interface AdminSection {
  href: string;
  /** Key under `AdminNav` in the messages. */
  label: "dashboard" | "courses" | "moderation" | "orders" | "coupons" | "memberships" | "seckill" | "paths" | "labs" | "users" | "roles" | "resources" | "audit";
  group: "business" | "access";
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: "/admin", label: "dashboard", group: "business" },
  { href: "/admin/courses", label: "courses", group: "business" },
  { href: "/admin/orders", label: "orders", group: "business" },
  { href: "/admin/coupons", label: "coupons", group: "business" },
  { href: "/admin/memberships", label: "memberships", group: "business" },
  { href: "/admin/seckill", label: "seckill", group: "business" },
  { href: "/admin/moderation", label: "moderation", group: "business" },
  { href: "/admin/paths", label: "paths", group: "business" },
  { href: "/admin/labs", label: "labs", group: "business" },
  { href: "/admin/users", label: "users", group: "access" },
  { href: "/admin/roles", label: "roles", group: "access" },
  { href: "/admin/resources", label: "resources", group: "access" },
  { href: "/admin/audit", label: "audit", group: "access" },
];
