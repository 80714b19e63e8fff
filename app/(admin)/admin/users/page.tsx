import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { UserFilters } from "@/components/admin/users/user-filters";
import { UsersTable } from "@/components/admin/users/users-table";
import { EmptyState } from "@/components/ui/empty-state";
import { listAdminUsers, listRoleOptions, userListFilter } from "@/lib/rbac/admin-users";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminUsers"))("title") };
}

const PER_PAGE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default adminPage("/admin/users", { category: "permissions", zh: "用户管理", en: "Users", roles: ["super_admin"] }, async function AdminUsersPage({ searchParams }: Props) {
  const t = await getTranslations("AdminUsers");
  const tc = await getTranslations("AdminCommon");
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const parsed = userListFilter.safeParse({ q: one("q") || undefined, role: one("role") || undefined, status: one("status") || undefined });
  const filter = parsed.success ? parsed.data : {};
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one("page") ?? "1", 10) || 1));
  const [{ rows, total }, roles] = await Promise.all([listAdminUsers(filter, page, PER_PAGE), listRoleOptions()]);
  const filtered = Boolean(filter.q || filter.role || filter.status);

  return (
    <>
      <AdminPageHeader title={t("title")} subtitle={t("subtitle", { total })} />
      <UserFilters filter={filter} roles={roles} />
      {rows.length > 0 ? (
        <UsersTable rows={rows} />
      ) : filtered || page > 1 ? (
        <EmptyState title={tc("noResults")} description={tc("noResultsHint")} />
      ) : (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      )}
      <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/users" params={{ q: filter.q, role: filter.role, status: filter.status }} />
    </>
  );
});
