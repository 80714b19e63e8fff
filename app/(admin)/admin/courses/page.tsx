import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { adminCourseFilter, listAdminCourses } from "@/lib/admin/courses";
import { categoryName } from "@/lib/catalogue/category-name";
import { formatFen } from "@/lib/catalogue/format";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminCourses"))("title") };
}

const PER_PAGE = 20;
const statusTone = { published: "success", draft: "warning", archived: "neutral" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default adminPage("/admin/courses", { category: "courses", zh: "课程管理", en: "Courses", roles: ["course_admin"] }, async function AdminCoursesPage({ searchParams }: Props, admin) {
  const t = await getTranslations("AdminCourses");
  const te = await getTranslations("CourseEditor");
  const tc = await getTranslations("AdminCommon");
  const locale = await getLocale();
  const format = await getFormatter();
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const parsed = adminCourseFilter.safeParse({ q: one("q") || undefined, status: one("status") || undefined });
  const filter = parsed.success ? parsed.data : {};
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one("page") ?? "1", 10) || 1));
  const { rows, total } = await listAdminCourses(filter, page, PER_PAGE);

  return (
    <>
      <AdminPageHeader
        title={t("title")}
        subtitle={t("subtitle", { total })}
        actions={
          admin.can("GET", "/admin/courses/new") ? (
            <LinkButton href="/admin/courses/new" size="sm">
              {te("newCourse")}
            </LinkButton>
          ) : null
        }
      />
      <form className={styles.filters} role="search" aria-label={t("filtersLabel")}>
        <label className={styles.field}>
          {tc("search")}
          <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder={t("searchPlaceholder")} />
        </label>
        <label className={styles.field}>
          {t("status")}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{tc("all")}</option>
            {(["published", "draft", "archived"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" size="sm">
          {tc("filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={tc("noResults")} description={tc("noResultsHint")} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("course")}</th>
                <th scope="col">{t("category")}</th>
                <th scope="col">{t("teacher")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className={styles.num}>
                  {t("price")}
                </th>
                <th scope="col" className={styles.num}>
                  {t("enrolments")}
                </th>
                <th scope="col">{t("updated")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    {admin.can("GET", `/admin/courses/${c.id}`) ? <Link href={`/admin/courses/${c.id}`}>{c.title}</Link> : c.status === "published" ? <Link href={`/courses/${c.slug}`}>{c.title}</Link> : c.title}
                    <div className={`${styles.muted} ${styles.mono}`}>{c.slug}</div>
                  </td>
                  <td>{categoryName(c.category, locale)}</td>
                  <td>{c.teacher.name}</td>
                  <td>
                    <Badge tone={statusTone[c.status]}>{t(`status_${c.status}`)}</Badge>
                  </td>
                  <td className={styles.num}>{c.priceFen === 0 ? t("free") : formatFen(c.priceFen, locale)}</td>
                  <td className={styles.num}>{c.enrolmentCount.toLocaleString(locale)}</td>
                  <td className={styles.muted}>
                    <time dateTime={c.updatedAt.toISOString()}>{format.dateTime(c.updatedAt, "zoned")}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/courses" params={{ q: filter.q, status: filter.status }} />
    </>
  );
});
