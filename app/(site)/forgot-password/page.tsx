import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/auth/account-forms.module.css";
import formStyles from "@/components/auth/auth-form.module.css";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ResetPassword");
  return { title: t("title") };
}

// Open to signed-in people too: someone who forgot the password may still be signed in on this device.
export default async function ForgotPasswordPage() {
  const t = await getTranslations("ResetPassword");
  return (
    <section className={formStyles.page} aria-labelledby="reset-title">
      <h1 id="reset-title" className={formStyles.title}>
        {t("title")}
      </h1>
      <p className={formStyles.subtitle}>{t("subtitle")}</p>
      <ResetPasswordForm />
      <p className={styles.links}>
        <Link href="/sign-in">{t("backToSignIn")}</Link>
        <span>
          {t("noAccount")} <Link href="/sign-up">{t("signUp")}</Link>
        </span>
      </p>
    </section>
  );
}
