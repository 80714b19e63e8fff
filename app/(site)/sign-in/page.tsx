import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import oauthStyles from "@/components/auth/oauth-buttons.module.css";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "@/components/auth/auth-form.module.css";
import { getCurrentUser } from "@/lib/auth/current-user";
import { sameSitePath } from "@/lib/auth/return-path";

/** Codes a failed QQ / WeChat / Weibo sign-in comes back with (lib/auth/oauth-flow.ts), shown translated. */
const OAUTH_ERRORS = ["unknown_provider", "access_denied", "bad_state", "provider_error", "account_disabled", "rate_limited", "unavailable"] as const;
type OAuthErrorCode = (typeof OAUTH_ERRORS)[number];
const isOAuthError = (value: unknown): value is OAuthErrorCode => typeof value === "string" && (OAUTH_ERRORS as readonly string[]).includes(value);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; returnTo?: string; error?: string }> }) {
  const params = await searchParams;
  const returnTo = sameSitePath(params.returnTo ?? params.callbackUrl);
  if (await getCurrentUser()) redirect(returnTo);
  const t = await getTranslations("Auth");
  const tOAuth = await getTranslations("OAuth");
  const tReset = await getTranslations("ResetPassword");
  const tSignUp = await getTranslations("SignUp");
  const oauthError = isOAuthError(params.error) ? params.error : null;
  return (
    <section className={styles.page} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title" className={styles.title}>
        {t("signInTitle")}
      </h1>
      <p className={styles.subtitle}>{t("signInSubtitle")}</p>
      {oauthError ? (
        <p role="alert" className={`${styles.error} ${oauthStyles.notice}`} data-testid="oauth-error">
          {tOAuth(`errors.${oauthError}`)}
        </p>
      ) : null}
      <SignInForm returnTo={returnTo} />
      <p className={styles.subtitle}>
        {tReset("noAccount")} <Link href="/sign-up">{tReset("signUp")}</Link> · <Link href="/forgot-password">{tSignUp("forgotPassword")}</Link>
      </p>
      <OAuthButtons returnTo={returnTo} />
    </section>
  );
}
