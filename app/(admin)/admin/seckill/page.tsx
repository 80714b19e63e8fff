import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/admin/pagination";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { formatFen } from "@/lib/catalogue/format";
import { adminPage } from "@/lib/rbac/guard";
import { phaseOf } from "@/lib/seckill/api";
import { listSalesPage } from "@/lib/seckill/sales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminSeckill"))("title") };
}

const PER_PAGE = 20;
const tone = { upcoming: "brand", live: "success", sold_out: "warning", ended: "neutral" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default adminPage("/admin/seckill", { category: "marketing", zh: "秒杀活动", en: "Flash sales", roles: ["marketing_admin"] }, async function AdminSeckillPage({ searchParams }: Props) {
  const t = await getTranslations("AdminSeckill");
  const [locale, format] = await Promise.all([getLocale(), getFormatter()]);
  const raw = (await searchParams).page;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof raw === "string" ? raw : "1", 10) || 1));
  const { rows, total } = await listSalesPage(page, PER_PAGE);
  const now = new Date();
  return (
    <>
      <AdminPageHeader
        title={t("title")}
        subtitle={t("subtitle", { total })}
        actions={
          <LinkButton href="/admin/seckill/new" size="sm">
            {t("new")}
          </LinkButton>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{t("course")}</th>
                <th scope="col" className={styles.num}>
                  {t("price")}
                </th>
                <th scope="col" className={styles.num}>
                  {t("seatsTaken")}
                </th>
                <th scope="col">{t("window")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => {
                const phase = s.status === "cancelled" ? null : phaseOf(s, s.seatsLeft, now);
                return (
                  <tr key={s.id}>
                    <td>
                      <Link href={`/admin/seckill/${s.id}`}>{s.courseTitle}</Link>
                    </td>
                    <td className={styles.num}>{formatFen(s.priceFen, locale)}</td>
                    <td className={styles.num}>
                      {s.seats - s.seatsLeft} / {s.seats}
                    </td>
                    <td className={styles.muted} data-testid="sale-window">
                      <time dateTime={s.startsAt.toISOString()}>{format.dateTime(s.startsAt, "zoned")}</time> – <time dateTime={s.endsAt.toISOString()}>{format.dateTime(s.endsAt, "zoned")}</time>
                    </td>
                    <td>{phase ? <Badge tone={tone[phase]}>{t(`phase_${phase}`)}</Badge> : <Badge tone="danger">{t("status_cancelled")}</Badge>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} perPage={PER_PAGE} total={total} basePath="/admin/seckill" params={{}} />
    </>
  );
});
