// The top of a teacher's page: who they are (photo or initial, name, title), what their published courses add up
// to (average rating weighted by ratings, courses, distinct learners) and their bio.
import { getLocale, getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { formatRating } from "@/lib/catalogue/format";
import type { TeacherProfile } from "@/lib/catalogue/teachers";
import { Breadcrumbs } from "./breadcrumbs";
import { TeacherAvatar } from "./teacher-avatar";
import styles from "./teacher.module.css";

export async function TeacherHero({ teacher }: { teacher: TeacherProfile }) {
  const [t, td, locale] = await Promise.all([getTranslations("Teacher"), getTranslations("CourseDetail"), getLocale()]);
  return (
    <div className={styles.hero}>
      <Container className={styles.heroInner}>
        <Breadcrumbs
          items={[
            { label: td("home"), href: "/" },
            { label: td("allCourses"), href: "/courses" },
            { label: teacher.name },
          ]}
        />
        <div className={styles.identity}>
          <TeacherAvatar name={teacher.name} avatarUrl={teacher.avatarUrl} size="lg" />
          <div className={styles.names}>
            <p className={styles.eyebrow}>{t("eyebrow")}</p>
            <h1 className={styles.name}>{teacher.name}</h1>
            {teacher.title ? <p className={styles.jobTitle}>{teacher.title}</p> : null}
          </div>
        </div>
        <ul className={styles.stats} aria-label={t("statsLabel")} data-testid="teacher-stats">
          <li className={styles.stat} data-testid="teacher-rating">
            {teacher.rating !== null ? (
              <>
                <svg className={styles.star} width="16" height="16" viewBox="0 0 20 20" aria-hidden="true">
                  <path d="M10 1.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L10 14.9l-5.2 2.8 1-5.9L1.5 7.7l5.9-.8z" fill="currentColor" />
                </svg>
                {t.rich("rating", { rating: formatRating(teacher.rating, locale), count: teacher.ratingCount, strong: (chunks) => <strong>{chunks}</strong> })}
              </>
            ) : (
              t("noRating")
            )}
          </li>
          <li className={styles.stat} data-testid="teacher-course-count">
            {t("courseCount", { count: teacher.courseCount })}
          </li>
          <li className={styles.stat} data-testid="teacher-learners">
            {t("learnerCount", { count: teacher.learnerCount })}
          </li>
        </ul>
        {teacher.bio ? <p className={styles.bio}>{teacher.bio}</p> : null}
      </Container>
    </div>
  );
}
