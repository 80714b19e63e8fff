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
import { formatFen } from "@/lib/catalogue/format";
import { listCoupons, type CouponRow } from "@/lib/orders/admin-coupons";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminCoupons"))("title") };
}

const PER_PAGE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function state(c: CouponRow, now: Date): "disabled" | "not_started" | "expired" | "used_up" | "active" {
  if (c.disabled) return "disabled";
  if (now < c.startsAt) return "not_started";
  if (now >= c.endsAt) return "expired";
  if (c.maxUses !== null && c.usedCount >= c.maxUses) return "used_up";
  return "active";
}

export default adminPage("/admin/coupons", { category: "marketing", zh: "优惠券管理", en: "Coupons", roles: ["marketing_admin"] }, async function AdminCouponsPage({ searchParams }: Props, admin) {
  const t = await getTranslations("AdminCoupons");
  const tc = await getTranslations("AdminCommon");
  const locale = await getLocale();
  const format = await getFormatter();
  const raw = await searchParams;
  const q = typeof raw.q === "string" ? raw.q.trim().slice(0, 32) : "";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof raw.page === "string" ? raw.page : "1", 10) || 1));
  const { rows, total } = await listCoupons({ q: q || undefined, page, perPage: PER_PAGE });
  const now = new Date();
  const day = (d: Date) => format.dateTime(d, "zoned");

  return (
    <>
      <AdminPageHeader
        title={t("title")}
        subtitle={t("subtitle", { total })}
        actions={
          admin.can("GET", "/admin/coupons/new") ? (
            <LinkButton href="/admin/coupons/new" size="sm">
              {t("new")}
            </LinkButton>
          ) : null
        }
      />
      <form className={styles.filters} role="search" aria-label={t("searchLabel")}>
        <label className={styles.field}>
          {tc("search")}
          <input type="search" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} />
        </label>
        <Button type="submit" variant="secondary" size="sm">
          {tc("filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        q ? (
          <EmptyState title={tc("noResults")} description={tc("noResultsHint")} />
        ) : (
          <EmptyState title={t("empty")} description={t("emptyHint")} />
        )
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="coupons-table">
            <thead>
              <tr>
                <th scope="col">{t("code")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col" className={styles.num}>
                  {t("value")}
                </th>
                <th scope="col">{t("course")}</th>
                <th scope="col" className={styles.num}>
                  {t("uses")}
                </th>
                <th scope="col">{t("window")}</th>
                <th scope="col">{t("state")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => {
                const s = state(c, now);
                return (
                  <tr key={c.id}>
                    <td className={styles.mono}>
                      <Link href={`/admin/coupons/${c.id}`}>{c.code}</Link>
                    </td>
                    <td>{t(`kind_${c.kind}`)}</td>
                    <td className={styles.num}>{c.kind === "percent" ? `${c.value}%` : formatFen(c.value, locale)}</td>
                    <td>{c.courseId === null ? t("allCourses") : (c.courseTitle ?? `#${c.courseId}`)}</td>
                    <td className={styles.num}>{t("usedOf", { used: c.usedCount, max: c.maxUses === null ? t("unlimited") : String(c.maxUses) })}</td>
                    <td className={styles.muted}>
                      {day(c.startsAt)} – {day(c.endsAt)}
                    </td>
                    <td>
                      <Badge tone={s === "active" ? "success" : s === "disabled" ? "danger" : "neutral"}>{t(`state_${s}`)}</Badge>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/coupons" params={{ q: q || undefined }} />
    </>
  );
});
