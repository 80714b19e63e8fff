import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/lib/auth/actions";
import { decide } from "@/lib/rbac/decide";
import { effectivePermissions } from "@/lib/rbac/permissions";
import styles from "./site-header.module.css";

/** Whether the admin home is open to this user (cached permissions; a failure just hides the link). */
async function canOpenAdmin(userId: number, known: boolean | null): Promise<boolean> {
  if (known !== null) return known;
  if (!Number.isSafeInteger(userId) || userId <= 0) return false;
  const effective = await effectivePermissions(userId).catch(() => null);
  return effective !== null && decide({ userId, permissions: effective.permissions }, "GET", "/admin").outcome === "allow";
}

/**
 * "Sign in" for visitors; once signed in, "My courses", "My orders", the person's name (a link to the account settings), a
 * link to /admin for those whose roles open it, and a sign-out button.
 */
export async function AccountMenu() {
  const t = await getTranslations("Header");
  const viewer = await getCurrentUser();
  if (!viewer) {
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
  const [admin, tc] = await Promise.all([canOpenAdmin(viewer.id, viewer.admin), getTranslations("MyCourses")]);
  return (
    <form action={signOutAction} className={styles.account} data-testid="account-menu">
      {admin ? (
        <Link href="/admin" className={styles.accountName} data-testid="admin-link">
          {t("admin")}
        </Link>
      ) : null}
      <Link href="/account/courses" className={styles.accountName} data-testid="my-courses-link">
        {tc("title")}
      </Link>
      <Link href="/orders" className={styles.accountName} data-testid="my-orders-link">
        {t("orders")}
      </Link>
      <Link href="/account" className={styles.accountName} data-testid="account-link">
        {viewer.name}
      </Link>
      <button type="submit" className={styles.signOut}>
        {t("signOut")}
      </button>
    </form>
  );
}
