import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import styles from "@/components/commerce/commerce.module.css";
import { CartView } from "@/components/commerce/cart-view";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Cart"))("metaTitle"), robots: { index: false } };
}

export default async function CartPage({ searchParams }: { searchParams: Promise<{ buy?: string | string[] }> }) {
  const [t, userId, params] = await Promise.all([getTranslations("Cart"), currentUserId(), searchParams]);
  const buy = typeof params.buy === "string" && /^[1-9]\d{0,15}$/.test(params.buy) ? Number(params.buy) : null;
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        <CartView signedIn={userId !== null} buyCourseId={buy} />
      </div>
    </Container>
  );
}
