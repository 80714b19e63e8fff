// "Flash sales" on the home page: up to three sales on now or coming, each linking to its page, and a link to
// all of them. Nothing at all when no sale is on or coming, or when the sales cannot be read (the rest of the
// home page is worth more than the band).
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Container } from "@/components/ui/container";
import { formatFen } from "@/lib/catalogue/format";
import { logger } from "@/lib/log";
import { homeFlashSales } from "./flash-sales-data";
import styles from "./flash-sales-band.module.css";

const TIME = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;

export async function FlashSalesBand() {
  const sales = await homeFlashSales().catch((error: unknown) => {
    logger.warn({ err: error, scope: "home.flash-sales" }, "flash sales unavailable for the home page");
    return [];
  });
  if (sales.length === 0) return null;
  const [t, locale, format] = await Promise.all([getTranslations("Home"), getLocale(), getFormatter()]);
  return (
    <section aria-labelledby="home-flash-title" className={styles.band} data-testid="home-flash-sales">
      <Container className={styles.inner}>
        <div className={styles.head}>
          <h2 id="home-flash-title" className={styles.title}>
            <svg width="22" height="22" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
              <path d="M13 2.5 4.5 13.5H12l-1 8 8.5-11H12l1-8Z" />
            </svg>
            {t("flashTitle")}
          </h2>
          <p className={styles.lead}>{t("flashLead")}</p>
          <Link href="/seckill" className={styles.all}>
            {t("flashAll")}
            <span aria-hidden="true"> →</span>
          </Link>
        </div>
        <ul role="list" className={styles.list}>
          {sales.map((sale) => (
            <li key={sale.id}>
              <Link href={`/seckill/${sale.id}`} className={styles.card} data-testid="home-flash-sale" data-phase={sale.phase}>
                <span className={styles.cardTop}>
                  <Badge tone={sale.phase === "live" ? "danger" : "brand"}>{sale.phase === "live" ? t("flashLive") : t("flashUpcoming")}</Badge>
                  <span className={styles.when}>
                    {sale.phase === "live" ? t("flashEnds", { time: format.dateTime(sale.endsAt, TIME) }) : t("flashStarts", { time: format.dateTime(sale.startsAt, TIME) })}
                  </span>
                </span>
                <span className={styles.course}>{sale.courseTitle}</span>
                <span className={styles.prices}>
                  <span className={styles.price}>
                    <span className={styles.srOnly}>{t("flashSalePrice")} </span>
                    {formatFen(sale.priceFen, locale)}
                  </span>
                  <s className={styles.listPrice}>
                    <span className={styles.srOnly}>{t("flashListPrice")} </span>
                    {formatFen(sale.listPriceFen, locale)}
                  </s>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Container>
    </section>
  );
}
