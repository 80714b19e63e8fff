import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/seckill/seckill.module.css";
import { Badge } from "@/components/ui/badge";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { formatFen } from "@/lib/catalogue/format";
import { phaseOf } from "@/lib/seckill/api";
import { listOpenSales } from "@/lib/seckill/sales";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Seckill"))("listTitle") };
}

export default async function SeckillListPage() {
  const t = await getTranslations("Seckill");
  const [locale, format] = await Promise.all([getLocale(), getFormatter()]);
  const now = new Date();
  const sales = await listOpenSales(now);
  return (
    <Container className={styles.page}>
      <h1>{t("listTitle")}</h1>
      {sales.length === 0 ? (
        <EmptyState title={t("listEmpty")} description={t("listEmptyHint")} />
      ) : (
        <ul className={styles.list}>
          {sales.map((s) => {
            const phase = phaseOf(s, s.seatsLeft, now);
            return (
              <li key={s.id} className={styles.item}>
                <Link href={`/seckill/${s.id}`}>{s.courseTitle}</Link>
                <div className={styles.prices}>
                  <span className={styles.salePrice}>{formatFen(s.priceFen, locale)}</span>
                  <span className={styles.listPrice}>{formatFen(s.listPriceFen, locale)}</span>
                </div>
                <div>
                  <Badge tone={phase === "live" ? "success" : phase === "upcoming" ? "brand" : "neutral"}>{t(`phase_${phase}`)}</Badge>
                </div>
                <p className={styles.hint}>
                  <time dateTime={(phase === "upcoming" ? s.startsAt : s.endsAt).toISOString()} data-testid="sale-time">
                    {phase === "upcoming" ? t("startsAt", { time: format.dateTime(s.startsAt, "zoned") }) : t("endsAt", { time: format.dateTime(s.endsAt, "zoned") })}
                  </time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </Container>
  );
}
