"use client";
// Puts a course in the browser-side cart (lib/cart/store.ts). Only the id goes in: the server prices every
// course again at checkout. Once it is there, the button becomes a link to the cart. Loaded after hydration by
// add-to-cart-button.tsx, so the cart store stays out of the course page's first-load JavaScript.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button-class";
import { useCartStore, useHydrated } from "@/lib/cart/store";

export function AddToCartControl({ courseId }: { courseId: number }) {
  const t = useTranslations("CourseDetail");
  const hydrated = useHydrated();
  const inCart = useCartStore((state) => state.items.some((item) => item.courseId === courseId));
  const add = useCartStore((state) => state.add);

  if (hydrated && inCart) {
    return (
      <Link href="/cart" className={buttonClassName({ variant: "secondary", block: true })} data-testid="in-cart">
        {t("inCart")}
      </Link>
    );
  }
  return (
    <button
      type="button"
      className={buttonClassName({ variant: "secondary", block: true })}
      onClick={() => add(courseId)}
      // Before hydration the click would do nothing; say so rather than swallow it.
      aria-disabled={!hydrated || undefined}
      data-testid="add-to-cart"
    >
      {t("addToCart")}
    </button>
  );
}
