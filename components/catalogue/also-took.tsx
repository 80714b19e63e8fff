// "Learners who took this also took" under a course page's syllabus (lib/recommend): the course's nearest
// neighbours among what learners take together, without the reader's own courses. Nothing when there are none.
import { getTranslations } from "next-intl/server";
import { CourseGrid } from "@/components/course/course-grid";
import { alsoTook } from "@/lib/recommend";
import styles from "./course-detail.module.css";

export async function AlsoTook({ courseId, userId }: { courseId: number; userId: number | null }) {
  const courses = await alsoTook(courseId, userId, 4);
  if (courses.length === 0) return null;
  const t = await getTranslations("Recommend");
  return (
    <section aria-labelledby="also-took-title" className={styles.section} data-testid="also-took">
      <h2 id="also-took-title" className={styles.sectionHeading}>
        {t("alsoTook")}
      </h2>
      <CourseGrid courses={courses} />
    </section>
  );
}
