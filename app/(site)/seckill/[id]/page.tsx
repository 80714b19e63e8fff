import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { GrabPanel } from "@/components/seckill/grab-panel";
import styles from "@/components/seckill/seckill.module.css";
import { Container } from "@/components/ui/container";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { formatFen } from "@/lib/catalogue/format";
import { currentUserId } from "@/lib/auth/current-user";
import { publicSale } from "@/lib/seckill/api";
import { findSale } from "@/lib/seckill/sales";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function saleOf(raw: string) {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) ? findSale(id) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const sale = await saleOf((await params).id);
  const t = await getTranslations("Seckill");
  return { title: sale ? t("pageTitle", { course: sale.courseTitle }) : t("listTitle") };
}

export default async function SeckillPage({ params }: Props) {
  const sale = await saleOf((await params).id);
  if (!sale) notFound();
  const t = await getTranslations("Seckill");
  const [locale, format] = await Promise.all([getLocale(), getFormatter()]);
  const [view, userId] = await Promise.all([publicSale(sale), currentUserId()]);
  return (
    <Container className={styles.page}>
      <p className={styles.hint}>
        <Link href="/seckill">{t("listTitle")}</Link>
      </p>
      <h1>{t("pageTitle", { course: sale.courseTitle })}</h1>
      <div className={styles.prices}>
        <span className={styles.salePrice}>{formatFen(sale.priceFen, locale)}</span>
        <span className={styles.listPrice}>
          <VisuallyHidden>{t("listPrice")} </VisuallyHidden>
          {formatFen(sale.listPriceFen, locale)}
        </span>
      </div>
      <p className={styles.hint}>
        <span data-testid="sale-window">{t("window", { start: format.dateTime(sale.startsAt, "zoned"), end: format.dateTime(sale.endsAt, "zoned") })}</span> · {t("onePerLearner")} · <Link href={`/courses/${sale.courseSlug}`}>{t("aboutCourse")}</Link>
      </p>
      <GrabPanel initial={view} signedIn={userId !== null} />
    </Container>
  );
}
