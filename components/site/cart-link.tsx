"use client";
// The header's cart link. The count comes from the browser's stored cart, so it is 0 (and the badge hidden)
// in the server HTML and during hydration, and appears right after.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { useOfflineSupport } from "@/lib/cart/offline";
import { useCartCount } from "@/lib/cart/store";
import styles from "./site-header.module.css";

export function CartLink() {
  const t = useTranslations("Header");
  const count = useCartCount();
  useOfflineSupport();
  return (
    <Link href="/cart" className={styles.navLink} data-testid="cart-link">
      <svg className={styles.navIcon} width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M3 4h2l2.2 10.5a2 2 0 0 0 2 1.5h7.6a2 2 0 0 0 2-1.6L20.5 8H6" />
        <circle cx="10" cy="20" r="1.3" />
        <circle cx="17" cy="20" r="1.3" />
      </svg>
      <span className={styles.iconOnlyText}>{t("cart")}</span>
      {count > 0 ? (
        <>
          <span className={styles.cartBadge} aria-hidden="true" data-testid="cart-count">
            {count > 99 ? "99+" : count}
          </span>
          <VisuallyHidden>{t("cartCount", { count })}</VisuallyHidden>
        </>
      ) : null}
    </Link>
  );
}
