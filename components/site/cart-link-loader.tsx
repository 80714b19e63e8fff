"use client";
// Loads the header's cart link (cart-link.tsx) after hydration. The count comes from the browser-side cart
// store (zustand, localStorage, validation), which nothing needs before the page is interactive, so it stays out
// of every page's first-load JavaScript. Until it arrives the same link shows without a count, exactly as the
// cart link itself renders on the server and during hydration.
import Link from "next/link";
import { useEffect, useState, type ComponentType } from "react";
import styles from "./site-header.module.css";

export function CartLinkLoader({ label }: { label: string }) {
  const [CartLink, setCartLink] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    import("./cart-link")
      .then((m) => {
        if (live) setCartLink(() => m.CartLink);
      })
      .catch((error: unknown) => console.error("loading the cart link failed", error));
    return () => {
      live = false;
    };
  }, []);
  if (CartLink) return <CartLink />;
  return (
    <Link href="/cart" className={styles.navLink} data-testid="cart-link">
      <svg className={styles.navIcon} width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M3 4h2l2.2 10.5a2 2 0 0 0 2 1.5h7.6a2 2 0 0 0 2-1.6L20.5 8H6" />
        <circle cx="10" cy="20" r="1.3" />
        <circle cx="17" cy="20" r="1.3" />
      </svg>
      <span className={styles.iconOnlyText}>{label}</span>
    </Link>
  );
}
