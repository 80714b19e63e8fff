// The course's teacher: initials (no photos exist in the demo data), name, title and bio.
import { getTranslations } from "next-intl/server";
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import styles from "./course-detail.module.css";

export async function TeacherCard({ teacher }: { teacher: CourseDetail["teacher"] }) {
  const t = await getTranslations("CourseDetail");
  const initial = Array.from(teacher.name.trim())[0] ?? "?";
  return (
    <section className={styles.teacherCard} aria-labelledby="teacher-heading" data-testid="teacher-card">
      <h2 id="teacher-heading" className={styles.sectionHeading}>
        {t("teacherHeading")}
      </h2>
      <div className={styles.teacherRow}>
        <span className={styles.avatar} aria-hidden="true">
          {initial}
        </span>
        <div>
          <p className={styles.teacherName}>{teacher.name}</p>
          {teacher.title ? <p className={styles.teacherTitle}>{teacher.title}</p> : null}
        </div>
      </div>
      {teacher.bio ? <p className={styles.teacherBio}>{teacher.bio}</p> : null}
    </section>
  );
}
