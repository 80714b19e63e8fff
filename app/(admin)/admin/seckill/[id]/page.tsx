import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AdminPageHeader } from "@/components/admin/page-header";
import { SaleForm } from "@/components/seckill/sale-form";
import { formatFen } from "@/lib/catalogue/format";
import { adminPage } from "@/lib/rbac/guard";
import { courseChoices } from "@/lib/seckill/admin-queries";
import { findSale, liveSeats, seatCounts } from "@/lib/seckill/sales";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminSeckill"))("editTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default adminPage("/admin/seckill/[id]", { category: "marketing", zh: "编辑秒杀活动", en: "Edit flash sale", roles: ["marketing_admin"] }, async function EditSeckillPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  const sale = Number.isSafeInteger(id) ? await findSale(id) : null;
  if (!sale) notFound();
  const t = await getTranslations("AdminSeckill");
  const locale = await getLocale();
  const [counts, live, choices] = await Promise.all([seatCounts(sale.id), liveSeats(sale).catch(() => null), courseChoices()]);
  return (
    <>
      <AdminPageHeader title={t("editTitle")} subtitle={sale.courseTitle} />
      <div className={styles.cards}>
        {(
          [
            ["seats", String(sale.seats)],
            ["left", String(sale.seatsLeft)],
            ["held", String(counts.held)],
            ["sold", String(counts.paid)],
            ["leftRedis", live ? String(live.seatsLeft) : "—"],
            ["price", formatFen(sale.priceFen, locale)],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className={styles.card}>
            <div className={styles.cardLabel}>{t(`card_${label}`)}</div>
            <div className={styles.cardValue}>{value}</div>
          </div>
        ))}
      </div>
      <SaleForm
        sale={{ id: sale.id, courseId: sale.courseId, priceFen: sale.priceFen, seats: sale.seats, startsAt: sale.startsAt.toISOString(), endsAt: sale.endsAt.toISOString(), status: sale.status, taken: sale.seats - sale.seatsLeft }}
        courses={choices}
        created={(await searchParams).created === "1"}
      />
    </>
  );
});
