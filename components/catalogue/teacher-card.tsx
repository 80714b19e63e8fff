// The course's teacher: photo or initial, name (a link to the teacher's page), title and bio.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import { TeacherAvatar } from "./teacher-avatar";
import styles from "./course-detail.module.css";

export const teacherHref = (teacher: { slug: string }) => `/teachers/${encodeURIComponent(teacher.slug)}`;

export async function TeacherCard({ teacher }: { teacher: CourseDetail["teacher"] }) {
  const t = await getTranslations("CourseDetail");
  return (
    <section className={styles.teacherCard} aria-labelledby="teacher-heading" data-testid="teacher-card">
      <h2 id="teacher-heading" className={styles.sectionHeading}>
        {t("teacherHeading")}
      </h2>
      <div className={styles.teacherRow}>
        <TeacherAvatar name={teacher.name} avatarUrl={teacher.avatarUrl} />
        <div>
          <p className={styles.teacherName}>
            <Link href={teacherHref(teacher)} className={styles.teacherLink} data-testid="teacher-link">
              {teacher.name}
            </Link>
          </p>
          {teacher.title ? <p className={styles.teacherTitle}>{teacher.title}</p> : null}
        </div>
      </div>
      {teacher.bio ? <p className={styles.teacherBio}>{teacher.bio}</p> : null}
      <p className={styles.teacherMore}>
        <Link href={teacherHref(teacher)} className={styles.teacherLink}>
          {t("teacherProfileLink")}
          <span aria-hidden="true"> →</span>
        </Link>
      </p>
    </section>
  );
}
