import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DocumentLayout, DocumentSection } from "@/components/legal/document-layout";
import styles from "@/components/legal/document.module.css";
import { LinkButton } from "@/components/ui/link-button";
import { SUPPORT_EMAIL } from "@/lib/legal/types";

function link(href: string) {
  return function LinkTag(chunks: ReactNode) {
    return <Link href={href}>{chunks}</Link>;
  };
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Help.contact");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function ContactPage() {
  const t = await getTranslations("Help.contact");
  const orders = { orders: link("/orders") };
  return (
    <DocumentLayout title={t("title")} testId="contact" intro={<p className={styles.lead}>{t("lead")}</p>}>
      <DocumentSection id="email" title={t("emailTitle")}>
        <p>{t("emailText")}</p>
        <p className={styles.email}>
          <a href={`mailto:${SUPPORT_EMAIL}`} data-testid="support-email">
            {SUPPORT_EMAIL}
          </a>
        </p>
      </DocumentSection>
      <DocumentSection id="hours" title={t("hoursTitle")}>
        <p>{t("hoursText")}</p>
      </DocumentSection>
      <DocumentSection id="include" title={t("includeTitle")}>
        <ul className={styles.list}>
          <li>{t("include1")}</li>
          <li>{t.rich("include2", orders)}</li>
          <li>{t("include3")}</li>
          <li>{t("include4")}</li>
          <li>{t("include5")}</li>
        </ul>
      </DocumentSection>
      <aside aria-labelledby="never" className={styles.warning}>
        <h2 id="never" className={styles.sectionTitle}>
          {t("neverTitle")}
        </h2>
        <p>{t("neverText")}</p>
      </aside>
      <aside aria-labelledby="order-problems" className={styles.callout}>
        <h2 id="order-problems" className={styles.sectionTitle}>
          {t("ordersTitle")}
        </h2>
        <p>{t.rich("ordersText", orders)}</p>
        <LinkButton href="/orders" variant="primary" data-testid="contact-orders-link">
          {t("ordersCta")}
        </LinkButton>
      </aside>
      <p className={styles.footnote}>{t.rich("faqText", { faq: link("/help") })}</p>
    </DocumentLayout>
  );
}
