// "Linked accounts" on the account page: QQ, WeChat and Weibo, each linked (with an Unlink button) or not
// (with a Link button that starts the provider's flow in link mode). A server component: it reads the
// signed-in user itself, so it can only ever show that user's identities.
//
// The account page passes what the link flow came back with (?oauth_linked=<provider> / ?oauth_error=<code>):
//   <LinkedProviders linked={searchParams.oauth_linked} error={searchParams.oauth_error} />
// Pass `title={false}` when the page already gives the section its own heading.
import { getTranslations } from "next-intl/server";
import { oauthStartPath } from "@/components/auth/oauth-buttons";
import styles from "@/components/auth/linked-providers.module.css";
import { UnlinkProviderButton } from "@/components/auth/unlink-provider-button";
import { buttonClassName } from "@/components/ui/button-class";
import { currentUserId } from "@/lib/auth/current-user";
import { listIdentities } from "@/lib/auth/identities";
import { OAUTH_PROVIDER_IDS } from "@/lib/auth/oauth";
import { enabledProviders, isProviderId, type OAuthFlowError } from "@/lib/auth/oauth-flow";

const SHOWN_ERRORS: readonly OAuthFlowError[] = [
  "access_denied",
  "bad_state",
  "provider_error",
  "identity_taken",
  "provider_already_linked",
  "wrong_account",
  "unknown_provider",
  "rate_limited",
  "unavailable",
];

export async function LinkedProviders({
  linked,
  error,
  returnTo = "/account",
  title = true,
}: {
  linked?: string;
  error?: string;
  returnTo?: string;
  title?: boolean;
}) {
  const userId = await currentUserId();
  if (userId === null) return null;
  const [identities, t] = await Promise.all([listIdentities(userId), getTranslations("OAuth")]);
  const configs = enabledProviders();
  const shownError = SHOWN_ERRORS.find((code) => code === error);
  return (
    <section className={styles.section} aria-label={title ? undefined : t("linkedTitle")} aria-labelledby={title ? "linked-providers-title" : undefined} data-testid="linked-providers">
      {title ? (
        <h2 id="linked-providers-title" className={styles.title}>
          {t("linkedTitle")}
        </h2>
      ) : null}
      <p className={styles.intro}>{t("linkedIntro")}</p>
      {linked && isProviderId(linked) ? (
        <p role="status" className={styles.notice}>
          {t("linkedNotice", { provider: t(`providers.${linked}`) })}
        </p>
      ) : null}
      {shownError ? (
        <p role="alert" className={styles.error} data-testid="link-error">
          {t(`errors.${shownError}`)}
        </p>
      ) : null}
      <ul className={styles.list}>
        {OAUTH_PROVIDER_IDS.map((id) => {
          const identity = identities.find((row) => row.provider === id);
          const name = t(`providers.${id}`);
          return (
            <li key={id} className={styles.item} data-provider={id}>
              <span className={styles.who}>
                <span className={styles.provider}>{name}</span>
                <span className={styles.status}>{identity ? t("linkedAs", { name: identity.displayName }) : configs[id] ? t("notLinked") : t("disabled")}</span>
              </span>
              {identity ? (
                <UnlinkProviderButton provider={id} label={t("unlink", { provider: name })} />
              ) : configs[id] ? (
                // A plain link: next/link would prefetch the start route and open a flow on every view.
                <a href={oauthStartPath(id, { mode: "link", returnTo })} className={buttonClassName({ variant: "secondary", size: "sm" })}>
                  {t("link", { provider: name })}
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
