import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import orderStyles from "@/components/admin/orders/orders.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { buttonClassName } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFen } from "@/lib/catalogue/format";
import { EXPORT_MAX_ROWS } from "@/lib/orders/admin-export";
import { adminOrderFilter, filterParams, listAdminOrders } from "@/lib/orders/admin-queries";
import { adminPage } from "@/lib/rbac/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminOrders"))("title") };
}

const PER_PAGE = 20;
const statusTone = { pending: "warning", paid: "success", refunding: "brand", refunded: "neutral", closed: "neutral" } as const;
const STATUSES = ["pending", "paid", "refunding", "refunded", "closed"] as const;
const PROVIDERS = ["alipay", "wechat", "unionpay"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default adminPage("/admin/orders", { category: "orders", zh: "订单管理", en: "Orders", roles: ["order_admin"] }, async function AdminOrdersPage({ searchParams }: Props) {
  const t = await getTranslations("AdminOrders");
  const tc = await getTranslations("AdminCommon");
  const [locale, format] = await Promise.all([getLocale(), getFormatter()]);
  const raw = await searchParams;
  const one = (k: string) => (typeof raw[k] === "string" && raw[k] ? (raw[k] as string) : undefined);
  const parsed = adminOrderFilter.safeParse({ q: one("q"), status: one("status"), provider: one("provider"), from: one("from"), to: one("to"), user: one("user") });
  const filter = parsed.success ? parsed.data : {};
  const params = filterParams(filter);
  const exportQuery = new URLSearchParams({ lang: locale === "en" ? "en" : "zh-CN" });
  for (const [k, v] of Object.entries(params)) if (v) exportQuery.set(k, v);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(one("page") ?? "1", 10) || 1));
  const { rows, total } = await listAdminOrders(filter, page, PER_PAGE);

  return (
    <>
      <AdminPageHeader
        title={t("title")}
        subtitle={t("subtitle", { total })}
        actions={
          // A plain link: the browser downloads the file; the filters travel in the query string.
          <a href={`/api/v1/admin/orders/export?${exportQuery.toString()}`} className={buttonClassName({ variant: "secondary", size: "sm" })} download data-testid="export-csv" aria-describedby="export-hint">
            {t("exportCsv")}
          </a>
        }
      />
      {parsed.success ? null : (
        // What was typed stays in the fields below, so the mistake can be corrected.
        <p role="alert" className={orderStyles.error} data-testid="filter-error">
          {t("badFilter")}
        </p>
      )}
      <form className={styles.filters} role="search" aria-label={t("filtersLabel")}>
        <label className={styles.field}>
          {tc("search")}
          <input type="search" name="q" defaultValue={(one("q") ?? "").slice(0, 191)} placeholder={t("searchPlaceholder")} />
        </label>
        <label className={styles.field}>
          {t("status")}
          <select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{tc("all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t("provider")}
          <select name="provider" defaultValue={filter.provider ?? ""}>
            <option value="">{tc("all")}</option>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {t(`provider_${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          {t("user")}
          <input type="search" name="user" defaultValue={(one("user") ?? "").slice(0, 191)} placeholder={t("userPlaceholder")} />
        </label>
        <label className={styles.field}>
          {t("from")}
          <input type="date" name="from" defaultValue={(one("from") ?? "").slice(0, 191)} />
        </label>
        <label className={styles.field}>
          {t("to")}
          <input type="date" name="to" defaultValue={(one("to") ?? "").slice(0, 191)} />
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
                <th scope="col">{t("orderNo")}</th>
                <th scope="col">{t("buyer")}</th>
                <th scope="col">{t("items")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("provider")}</th>
                <th scope="col" className={styles.num}>
                  {t("total")}
                </th>
                <th scope="col">{t("created")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.orderNo}>
                  <td className={styles.mono}>
                    <Link href={`/admin/orders/${o.orderNo}`} data-testid={`order-link-${o.orderNo}`}>
                      {o.orderNo}
                    </Link>
                  </td>
                  <td>
                    {o.user.name}
                    <div className={styles.muted}>{o.user.email}</div>
                  </td>
                  <td>{o.items.map((i) => i.title).join("、")}</td>
                  <td>
                    <Badge tone={statusTone[o.status]}>{t(`status_${o.status}`)}</Badge>
                  </td>
                  <td>{o.provider ? t(`provider_${o.provider}`) : "—"}</td>
                  <td className={styles.num}>{formatFen(o.totalFen, locale)}</td>
                  <td className={styles.muted}>
                    <time dateTime={o.createdAt.toISOString()}>{format.dateTime(o.createdAt, "zoned")}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/orders" params={params} />
      <p className={styles.muted} id="export-hint">
        {t("exportHint", { max: EXPORT_MAX_ROWS })}
      </p>
    </>
  );
});
