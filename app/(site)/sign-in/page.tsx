import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "@/components/auth/auth-form.module.css";
import { auth } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; returnTo?: string }> }) {
  const params = await searchParams;
  const returnTo = await safeReturnPath(params.returnTo ?? params.callbackUrl);
  if (await auth()) redirect(returnTo);
  const t = await getTranslations("Auth");
  return (
    <section className={styles.page} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" className={styles.title}>
        {t("signInTitle")}
      </h1>
      <p className={styles.subtitle}>{t("signInSubtitle")}</p>
      <SignInForm returnTo={returnTo} />
    </section>
  );
}
