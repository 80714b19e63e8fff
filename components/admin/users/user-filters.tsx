// The filter bar of /admin/users: a plain GET form, so every filter lives in the URL.
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { NO_ROLE, roleName, type RoleOption, type UserListFilter } from "@/lib/rbac/admin-users";

export async function UserFilters({ filter, roles }: { filter: UserListFilter; roles: RoleOption[] }) {
  const t = await getTranslations("AdminUsers");
  const tc = await getTranslations("AdminCommon");
  const locale = await getLocale();
  const filtered = Boolean(filter.q || filter.role || filter.status);
  return (
    <form className={styles.filters} role="search" aria-label={t("filtersLabel")} action="/admin/users">
      <label className={styles.field}>
        {tc("search")}
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} />
      </label>
      <label className={styles.field}>
        {t("role")}
        <select name="role" defaultValue={filter.role ?? ""}>
          <option value="">{tc("all")}</option>
          <option value={NO_ROLE}>{t("roleNone")}</option>
          {roles.map((r) => (
            <option key={r.key} value={r.key}>
              {roleName(r, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        {t("status")}
        <select name="status" defaultValue={filter.status ?? ""}>
          <option value="">{tc("all")}</option>
          <option value="active">{t("status_active")}</option>
          <option value="disabled">{t("status_disabled")}</option>
        </select>
      </label>
      <Button type="submit" variant="secondary" size="sm">
        {tc("filter")}
      </Button>
      {filtered ? (
        <LinkButton href="/admin/users" variant="ghost" size="sm">
          {tc("reset")}
        </LinkButton>
      ) : null}
    </form>
  );
}
