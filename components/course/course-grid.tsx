import type { CourseSummary } from "@/lib/catalogue/course-rows";
import { CourseCard } from "./course-card";
import styles from "./course-grid.module.css";

export function CourseGrid({ courses, hideTeacher = false }: { courses: CourseSummary[]; hideTeacher?: boolean }) {
  return (
    <ul role="list" className={styles.grid}>
      {courses.map((course) => (
        <li key={course.id}>
          <CourseCard course={course} hideTeacher={hideTeacher} />
        </li>
      ))}
    </ul>
  );
}
