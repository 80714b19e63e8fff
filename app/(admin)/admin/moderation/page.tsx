import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AddWordForm, DecisionButtons, MuteForm, RemoveWordButton } from "@/components/admin/moderation/moderation-forms";
import { AdminPageHeader } from "@/components/admin/page-header";
import { PlainText } from "@/components/community/plain-text";
import community from "@/components/community/community.module.css";
import { Badge } from "@/components/ui/badge";
import { moderationQueue, type QueueItem } from "@/lib/moderation/queue";
import { matcherFor } from "@/lib/moderation/screen";
import { listAdminWords } from "@/lib/moderation/word-list";
import { defaultSensitiveWords } from "@/lib/moderation/words";
import { adminPage } from "@/lib/rbac/guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminModeration"))("title") };
}

export default adminPage(
  "/admin/moderation",
  { category: "content", zh: "内容审核", en: "Moderation", roles: ["content_moderator", "content_admin"] },
  async function ModerationPage(_props: object, admin) {
    const [t, format] = await Promise.all([getTranslations("AdminModeration"), getFormatter()]);
    const [queue, words] = await Promise.all([moderationQueue(), listAdminWords()]);
    const matcher = matcherFor(words.map((w) => w.word));
    const canDecide = admin.can("ACTION", "moderation.decide");
    const canMute = admin.can("ACTION", "moderation.mute");
    const canEditWords = admin.can("ACTION", "moderation.words");

    const item = (i: QueueItem) => {
      const matched = [...new Set(matcher.find(i.body).map((m) => m.word))];
      return (
        <li key={`${i.type}-${i.id}`} className={community.item} data-testid="moderation-item" data-type={i.type} data-id={i.id}>
          <div className={community.itemHead}>
            <strong>{i.type === "review" ? t("review", { course: i.courseTitle }) : t("post", { course: i.courseTitle })}</strong>
            <span className={community.muted}>{t("by", { name: i.authorName })}</span>
            {i.rating !== null ? <span aria-label={`${i.rating}/5`}>{"★".repeat(i.rating)}</span> : null}
            {i.reports > 0 ? <Badge tone="warning">{t("reports", { count: i.reports })}</Badge> : null}
            <time className={community.muted} dateTime={i.createdAt.toISOString()}>
              {format.dateTime(i.createdAt, "zoned")}
            </time>
          </div>
          <PlainText text={i.body} />
          {matched.length > 0 ? <p className={community.notice}>{t("matched", { words: matched.join("、") })}</p> : null}
          {i.mutedUntil ? <p className={community.muted}>{t("mutedUntil", { until: format.dateTime(i.mutedUntil, "zoned") })}</p> : null}
          {canDecide ? <DecisionButtons type={i.type} id={i.id} status={i.status} /> : null}
          {canMute ? <MuteForm userId={i.authorId} /> : null}
        </li>
      );
    };

    const list = (items: QueueItem[], testId: string) =>
      items.length === 0 ? (
        <p className={styles.muted} data-testid={`${testId}-empty`}>
          {t("empty")}
        </p>
      ) : (
        <ul className={community.list} data-testid={testId}>
          {items.map(item)}
        </ul>
      );

    return (
      <>
        <AdminPageHeader title={t("title")} subtitle={t("intro")} />
        <section className={styles.section} aria-labelledby="held-heading">
          <h2 id="held-heading" className={styles.sectionTitle}>
            {t("held")} ({queue.held.length})
          </h2>
          {list(queue.held, "moderation-held")}
        </section>
        <section className={styles.section} aria-labelledby="reported-heading">
          <h2 id="reported-heading" className={styles.sectionTitle}>
            {t("reported")} ({queue.reported.length})
          </h2>
          {list(queue.reported, "moderation-reported")}
        </section>
        <section className={styles.section} aria-labelledby="words-heading">
          <h2 id="words-heading" className={styles.sectionTitle}>
            {t("words")}
          </h2>
          <p className={styles.muted}>{t("wordsIntro", { builtIn: defaultSensitiveWords.length })}</p>
          {words.length === 0 ? <p className={styles.muted}>{t("noWords")}</p> : null}
          <ul className={community.bars} data-testid="moderation-words">
            {words.map((w) => (
              <li key={w.id}>{canEditWords ? <RemoveWordButton id={w.id} word={w.word} /> : w.word}</li>
            ))}
          </ul>
          {canEditWords ? <AddWordForm /> : null}
        </section>
      </>
    );
  },
);
