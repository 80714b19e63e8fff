// The /admin frame. Someone with no admin page at all gets the plain 403 page; everyone else gets the shell
// with the sections their roles allow. Each page still checks its own permission (adminPage).
import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin/admin-shell";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ADMIN_SECTIONS } from "@/components/admin/nav";
import { roleDisplayNames } from "@/lib/rbac/roles";
import { currentViewer } from "@/lib/rbac/current";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminShell");
  return { title: { template: `%s · ${t("title")}`, default: t("title") }, robots: { index: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await currentViewer();
  if (!viewer) redirect("/sign-in?callbackUrl=/admin");
  const sections = ADMIN_SECTIONS.filter((s) => viewer.can("GET", s.href));
  if (sections.length === 0) forbidden();
  const roleNames = await roleDisplayNames(viewer.roles, await getLocale());
  // Every admin screen's client messages at once: the admin pages are few and seen by staff only.
  return (
    <ClientMessages namespaces={["AdminNav", "AdminCoupons", "AdminOrders", "AdminRoles", "AdminSeckill", "AdminUserDetail", "CourseEditor", "LessonMedia", "AdminModeration", "LessonCaptions"]}>
      <AdminShell sections={sections} userName={viewer.name} roleNames={roleNames}>
        {children}
      </AdminShell>
    </ClientMessages>
  );
}
