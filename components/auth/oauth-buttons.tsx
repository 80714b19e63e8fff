// "QQ 登录 / 微信登录 / 微博登录" on the sign-in page, one per enabled provider. Plain links, not next/link:
// prefetching the start route would open a sign-in flow (and set its cookie) for every page view. A first
// sign-in through a provider creates the account, so the buttons carry the consent to the terms that the
// sign-up form asks for with a checkbox; lib/auth/oauth-flow.ts records it on the new account.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClassName } from "@/components/ui/button-class";
import { enabledProviders } from "@/lib/auth/oauth-flow";
import { OAUTH_PROVIDER_IDS } from "@/lib/auth/oauth";
import styles from "./oauth-buttons.module.css";

export function oauthStartPath(provider: string, opts: { mode?: "link"; returnTo?: string } = {}): string {
  const params = new URLSearchParams();
  if (opts.mode) params.set("mode", opts.mode);
  if (opts.returnTo && opts.returnTo !== "/") params.set("returnTo", opts.returnTo);
  const query = params.toString();
  return `/api/auth/oauth/${provider}${query ? `?${query}` : ""}`;
}

export async function OAuthButtons({ returnTo }: { returnTo: string }) {
  const configs = enabledProviders();
  const providers = OAUTH_PROVIDER_IDS.filter((id) => configs[id]);
  if (providers.length === 0) return null;
  const t = await getTranslations("OAuth");
  return (
    <div className={styles.box}>
      <p className={styles.divider}>{t("divider")}</p>
      <div className={styles.row}>
        {providers.map((id) => (
          <a key={id} href={oauthStartPath(id, { returnTo })} className={buttonClassName({ variant: "secondary", block: true })} data-provider={id}>
            {t(`signInWith.${id}`)}
          </a>
        ))}
      </div>
      <p className={styles.consent} data-testid="oauth-consent">
        {t.rich("consent", {
          terms: (chunks) => <Link href="/terms">{chunks}</Link>,
          privacy: (chunks) => <Link href="/privacy">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
