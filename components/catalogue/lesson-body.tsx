// What an open lesson shows: the video player (with the author's notes under it) for a video lesson that has
// a ready video, the author's text for articles, labs and live sessions; a plain note where a lesson has no
// content yet rather than pretending. The text was sanitised when saved and again when read.
import { getTranslations } from "next-intl/server";
import { VideoPlayer } from "@/components/media/video-player";
import type { SyllabusLesson } from "@/lib/catalogue/course-detail";
import { formatDuration } from "@/lib/catalogue/format";
import type { Playback } from "@/lib/media/playback";
import detailStyles from "./course-detail.module.css";
import { LessonKindIcon } from "./lesson-meta";
import styles from "./lesson.module.css";

export interface LessonBodyProps {
  kind: SyllabusLesson["kind"];
  title: string;
  durationSeconds: number;
  courseTitle: string;
  locale: string;
  /** Sanitised HTML, or null when the author has written nothing. */
  body: string | null;
  playback: Playback | null;
  /** Where the learner left the video. */
  startAt: number;
}

export async function LessonBody(props: LessonBodyProps) {
  const { kind, title, durationSeconds, courseTitle, locale, body, playback, startAt } = props;
  const t = await getTranslations("Lesson");
  const tm = await getTranslations("LessonMedia");
  const text = body ? <div className={`${styles.article} ${detailStyles.prose}`} data-testid="lesson-text" dangerouslySetInnerHTML={{ __html: body }} /> : null;

  if (kind === "video" && playback) {
    return (
      <div className={styles.main} data-testid="lesson-content">
        <VideoPlayer
          src={playback.src}
          poster={playback.poster}
          title={title}
          startAt={startAt}
          captions={playback.captions}
          labels={{ player: tm("player", { title }), quality: tm("quality"), auto: tm("auto"), speed: tm("speed"), keyboardHelp: tm("keyboardHelp"), loadFailed: tm("loadFailed") }}
        />
        {text}
      </div>
    );
  }
  if (kind === "video" || (kind === "live" && !body)) {
    return (
      <div className={styles.main} data-testid="lesson-content">
        <figure className={styles.player}>
          <div className={styles.poster} role="img" aria-label={t("posterLabel", { title, duration: formatDuration(durationSeconds, locale, "long") })}>
            <span className={styles.posterIcon} aria-hidden="true">
              <LessonKindIcon kind={kind} size={40} />
            </span>
            <span className={styles.posterTitle} aria-hidden="true">
              {title}
            </span>
            <span className={styles.posterDuration} aria-hidden="true">
              {formatDuration(durationSeconds, locale)}
            </span>
          </div>
          <figcaption className={styles.placeholderNote}>{tm(kind === "live" ? "liveNotYet" : "videoNotYet")}</figcaption>
        </figure>
        {text}
      </div>
    );
  }
  if (text) return <div data-testid="lesson-content">{text}</div>;
  return (
    <div className={styles.article} data-testid="lesson-content">
      <h2 className={styles.articleHeading}>{title}</h2>
      <p>{t("articleIntro", { course: courseTitle })}</p>
      <p className={styles.placeholderNote}>{tm("textNotYet")}</p>
    </div>
  );
}
