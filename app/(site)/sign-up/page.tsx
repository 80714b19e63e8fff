import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "@/components/auth/account-forms.module.css";
import formStyles from "@/components/auth/auth-form.module.css";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/current-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignUp");
  return { title: t("title") };
}

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("SignUp");
  return (
    <section className={formStyles.page} aria-labelledby="sign-up-title">
      <h1 id="sign-up-title" className={formStyles.title}>
        {t("title")}
      </h1>
      <p className={formStyles.subtitle}>{t("subtitle")}</p>
      <SignUpForm />
      <p className={styles.links}>
        <span>
          {t("haveAccount")} <Link href="/sign-in">{t("signIn")}</Link>
        </span>
        <Link href="/forgot-password">{t("forgotPassword")}</Link>
      </p>
    </section>
  );
}
