// The header's account corner: "Sign in" for visitors; for a signed-in person a round avatar with their initial
// that opens a menu (My courses, My orders, Account settings, Admin when their roles open it, Sign out).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { decide } from "@/lib/rbac/decide";
import { effectivePermissions } from "@/lib/rbac/permissions";
import { avatarInitial } from "./avatar-initial";
import { HeaderDisclosure } from "./header-disclosure";
import styles from "./header-menus.module.css";
import headerStyles from "./site-header.module.css";

/** Whether the admin home is open to this user (cached permissions; a failure just hides the link). */
async function canOpenAdmin(userId: number, known: boolean | null): Promise<boolean> {
  if (known !== null) return known;
  if (!Number.isSafeInteger(userId) || userId <= 0) return false;
  const effective = await effectivePermissions(userId).catch(() => null);
  return effective !== null && decide({ userId, permissions: effective.permissions }, "GET", "/admin").outcome === "allow";
}

export async function AccountMenu() {
  const [t, user] = await Promise.all([getTranslations("Header"), getCurrentUser()]);
  if (!user) {
    return (
      <Link href="/sign-in" className={headerStyles.signIn}>
        <svg className={headerStyles.signInIcon} width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21a8 8 0 0 1 16 0" />
        </svg>
        <span className={headerStyles.signInText}>{t("signIn")}</span>
      </Link>
    );
  }
  const admin = await canOpenAdmin(user.id, user.admin);
  return (
    <HeaderDisclosure
      label={t("accountMenu", { name: user.name })}
      button={
        <span className={styles.avatar} aria-hidden="true">
          {avatarInitial(user.name)}
        </span>
      }
      className={styles.menu}
      buttonClassName={styles.avatarButton}
      panelClassName={styles.panel}
      testId="account-menu"
      buttonTestId="account-menu-button"
    >
      <p className={styles.who}>
        <span className={styles.whoLabel}>{t("signedInAs")}</span>
        <span className={styles.whoName} data-testid="account-name">
          {user.name}
        </span>
      </p>
      <ul role="list" className={styles.items}>
        <li>
          <Link href="/account/courses" className={styles.item} data-testid="my-courses-link">
            {t("myCourses")}
          </Link>
        </li>
        <li>
          <Link href="/orders" className={styles.item} data-testid="my-orders-link">
            {t("orders")}
          </Link>
        </li>
        <li>
          <Link href="/account/membership" className={styles.item} data-testid="my-membership-link">
            {t("myMembership")}
          </Link>
        </li>
        <li>
          <Link href="/account" className={styles.item} data-testid="account-link">
            {t("accountSettings")}
          </Link>
        </li>
        {admin ? (
          <li>
            <Link href="/admin" className={styles.item} data-testid="admin-link">
              {t("admin")}
            </Link>
          </li>
        ) : null}
      </ul>
      <form action={signOutAction} className={styles.signOutForm}>
        <button type="submit" className={styles.item} data-testid="sign-out">
          {t("signOut")}
        </button>
      </form>
    </HeaderDisclosure>
  );
}
