// The status tabs of "My orders": plain links with the filter in the address, so they work without
// JavaScript, can be bookmarked and keep their own paging. The current tab is marked with aria-current.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { ORDER_TABS, type OrderTab } from "@/lib/orders/api-schemas";
import styles from "./orders.module.css";

/** The address of one page of one tab; the first page of "all" is plain /orders. */
export function ordersHref(tab: OrderTab, page = 1): string {
  const query = new URLSearchParams();
  if (tab !== "all") query.set("status", tab);
  if (page > 1) query.set("page", String(page));
  const qs = query.toString();
  return qs ? `/orders?${qs}` : "/orders";
}

export async function OrderTabs({ current, counts }: { current: OrderTab; counts: Record<OrderTab, number> }) {
  const t = await getTranslations("Orders");
  return (
    <nav aria-label={t("tabsLabel")}>
      <ul className={styles.tabs} data-testid="order-tabs">
        {ORDER_TABS.map((tab) => (
          <li key={tab}>
            <Link href={ordersHref(tab)} className={styles.tab} aria-current={tab === current ? "page" : undefined} data-testid={`order-tab-${tab}`}>
              {t(`tab_${tab}`)}
              <span className={styles.count} aria-hidden="true">
                {counts[tab]}
              </span>
              <VisuallyHidden>{t("tabCount", { count: counts[tab] })}</VisuallyHidden>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
