import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DocumentLayout, DocumentSection } from "@/components/legal/document-layout";
import styles from "@/components/legal/document.module.css";
import { LinkButton } from "@/components/ui/link-button";
import type messages from "@/lib/i18n/messages/zh-CN.json";

type Faq = (typeof messages)["Help"]["faq"];

/** The topics and their questions, in reading order; checked against the messages, so a typo fails to compile. */
const FAQ = {
  buying: ["how", "price", "coupon", "unpaid", "free", "access"],
  payment: ["methods", "pending", "card"],
  refunds: ["how", "where", "partial", "late"],
  seckill: ["what", "how", "pay", "soldout"],
  membership: ["price", "join"],
  learning: ["saved", "devices", "points"],
  account: ["signin", "forgot", "sessions", "safe", "delete"],
  invoices: ["fapiao", "receipt"],
} as const satisfies { [T in keyof Faq]: ReadonlyArray<Exclude<keyof Faq[T], "title">> };

type Topic = keyof typeof FAQ;
const TOPICS = Object.keys(FAQ) as Topic[];

/** The pages answers may link to, as rich-text tags. */
function link(href: string) {
  return function LinkTag(chunks: ReactNode) {
    return <Link href={href}>{chunks}</Link>;
  };
}
const LINKS = {
  cart: link("/cart"),
  myCourses: link("/account/courses"),
  orders: link("/orders"),
  contact: link("/help/contact"),
  seckill: link("/seckill"),
  leaderboard: link("/leaderboard"),
  account: link("/account"),
  forgot: link("/forgot-password"),
  privacy: link("/privacy"),
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Help");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function HelpPage() {
  const t = await getTranslations("Help");
  // The keys are checked by FAQ's `satisfies` above; next-intl cannot follow them through the template.
  const text = (key: string) => t(key as Parameters<typeof t>[0]);
  const rich = (key: string) => t.rich(key as Parameters<typeof t.rich>[0], LINKS);
  return (
    <DocumentLayout
      title={t("title")}
      testId="help"
      intro={<p className={styles.lead}>{t.rich("lead", LINKS)}</p>}
      toc={{ label: t("toc"), entries: TOPICS.map((topic) => ({ id: topic, label: text(`faq.${topic}.title`) })) }}
    >
      {TOPICS.map((topic) => (
        <DocumentSection key={topic} id={topic} title={text(`faq.${topic}.title`)}>
          <div className={styles.faq}>
            {FAQ[topic].map((question) => (
              <div key={question} className={styles.faqItem} data-testid="faq-item">
                <h3 className={styles.question}>{text(`faq.${topic}.${question}.q`)}</h3>
                <p>{rich(`faq.${topic}.${question}.a`)}</p>
              </div>
            ))}
          </div>
        </DocumentSection>
      ))}
      <aside aria-labelledby="still-stuck" className={styles.callout}>
        <h2 id="still-stuck" className={styles.sectionTitle}>
          {t("stillStuck")}
        </h2>
        <p>{t("stillStuckText")}</p>
        <LinkButton href="/help/contact" variant="primary">
          {t("contactCta")}
        </LinkButton>
      </aside>
    </DocumentLayout>
  );
}
