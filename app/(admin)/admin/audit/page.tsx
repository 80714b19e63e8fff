import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AuditDiff } from "@/components/admin/audit/audit-diff";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { auditFilterSchema, listAuditRows, type AuditFilter } from "@/lib/audit/queries";
import { adminPage } from "@/lib/rbac/guard";
import { resourceByKey } from "@/lib/rbac/registry";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminAudit"))("title") };
}

const PER_PAGE = 30;
const FIELDS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each filter on its own: one bad value (a malformed date) is dropped, the others still apply. */
function readFilter(raw: Record<string, string | string[] | undefined>): AuditFilter {
  const filter: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = raw[field];
    if (typeof value !== "string" || !value.trim()) continue;
    const parsed = auditFilterSchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data) filter[field] = parsed.data;
  }
  return filter as AuditFilter;
}

export default adminPage("/admin/audit", { category: "permissions", zh: "审计日志", en: "Audit log", roles: ["super_admin"] }, async function AdminAuditPage({ searchParams }: Props) {
  const [t, tc] = await Promise.all([getTranslations("AdminAudit"), getTranslations("AdminCommon")]);
  const en = (await getLocale()) === "en";
  const format = await getFormatter();
  const raw = await searchParams;
  const filter = readFilter(raw);
  const pageParam = typeof raw.page === "string" ? raw.page : "1";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(pageParam, 10) || 1));
  const { rows, total } = await listAuditRows(filter, page, PER_PAGE);

  return (
    <>
      <AdminPageHeader title={t("title")} subtitle={t("subtitle", { count: total })} />
      <form className={styles.filters} role="search" aria-label={t("filtersLabel")}>
        <label className={styles.field}>
          {t("actor")}
          <input type="search" name="actor" defaultValue={filter.actor ?? ""} placeholder={t("actorPlaceholder")} maxLength={64} />
        </label>
        <label className={styles.field}>
          {t("action")}
          <input type="search" name="action" defaultValue={filter.action ?? ""} placeholder={t("actionPlaceholder")} maxLength={191} />
        </label>
        <label className={styles.field}>
          {t("targetType")}
          <input type="search" name="targetType" defaultValue={filter.targetType ?? ""} maxLength={32} size={10} />
        </label>
        <label className={styles.field}>
          {t("targetId")}
          <input type="search" name="targetId" defaultValue={filter.targetId ?? ""} maxLength={64} size={8} />
        </label>
        <label className={styles.field}>
          {t("from")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label className={styles.field}>
          {t("to")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
        <Button type="submit" variant="secondary" size="sm">
          {tc("filter")}
        </Button>
        <LinkButton href="/admin/audit" variant="ghost" size="sm">
          {tc("reset")}
        </LinkButton>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={tc("noResults")} description={tc("noResultsHint")} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("target")}</th>
                <th scope="col">{t("summary")}</th>
                <th scope="col">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const resource = resourceByKey(r.action);
                return (
                  <tr key={r.id} data-action={r.action}>
                    <td className={styles.muted} style={{ whiteSpace: "nowrap" }}>
                      <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, "zonedSeconds")}</time>
                    </td>
                    <td>
                      {r.actorName}
                      {r.actorId ? <div className={`${styles.muted} ${styles.mono}`}>#{r.actorId}</div> : null}
                    </td>
                    <td>
                      {resource ? <div>{en ? resource.nameEn : resource.nameZh}</div> : null}
                      <div className={`${styles.mono} ${styles.muted}`}>{r.action}</div>
                    </td>
                    <td className={styles.mono}>
                      {r.targetType} {r.targetId}
                    </td>
                    <td>
                      {r.summary}
                      <div className={`${styles.muted} ${styles.mono}`}>{t("request", { ip: r.ip || "—", requestId: r.requestId || "—" })}</div>
                    </td>
                    <td>
                      <AuditDiff before={r.before} after={r.after} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/audit" params={filter} />
    </>
  );
});
