import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth/auth";
import { signOutAction } from "@/lib/auth/actions";
import styles from "./site-header.module.css";

/** "Sign in" for visitors; the learner's name (a link to the account settings) and a sign-out button once signed in. */
export async function AccountMenu() {
  const t = await getTranslations("Header");
  const session = await auth().catch(() => null);
  if (!session?.user) {
    return (
      <Link href="/sign-in" className={styles.signIn}>
        <svg className={styles.signInIcon} width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21a8 8 0 0 1 16 0" />
        </svg>
        <span className={styles.signInText}>{t("signIn")}</span>
      </Link>
    );
  }
  return (
    <form action={signOutAction} className={styles.account} data-testid="account-menu">
      <Link href="/account" className={styles.accountName} data-testid="account-link">
        {session.user.name}
      </Link>
      <button type="submit" className={styles.signOut}>
        {t("signOut")}
      </button>
    </form>
  );
}
