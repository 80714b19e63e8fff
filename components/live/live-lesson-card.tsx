// On a live lesson's page: when the class is, its state, and the way into the live room.
import { getFormatter, getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";
import type { LiveSession } from "@/lib/live/sessions";
import { effectiveStatus } from "@/lib/live/status";
import styles from "./live-room.module.css";

export async function LiveLessonCard({ lessonId, session, now }: { lessonId: number; session: LiveSession; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("Live"), getFormatter()]);
  const status = effectiveStatus(session, now);
  return (
    <section className={styles.announcements} aria-labelledby="live-card-heading" data-testid="live-lesson-card">
      <h2 id="live-card-heading" className={styles.sideHeading}>
        {t("lessonCardTitle")}
        <span className={styles.badge} data-status={status}>
          {t(`status_${status}`)}
        </span>
      </h2>
      <p className={styles.muted}>{t("startsAt", { time: format.dateTime(session.startsAt, "zoned"), minutes: session.plannedMinutes })}</p>
      {status !== "cancelled" ? (
        <div>
          <LinkButton href={`/live/${lessonId}`} data-testid="enter-live-room">
            {t("enterRoom")}
          </LinkButton>
        </div>
      ) : (
        <p>{t("cancelledNote")}</p>
      )}
    </section>
  );
}
