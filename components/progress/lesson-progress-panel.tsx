// The server half of the lesson page's progress panel: reads the learner's stored progress and the course's,
// and renders the client reporter only for learners enrolled in the course (a free preview opened by someone
// not enrolled records nothing).
import { getTranslations } from "next-intl/server";
import { isEnrolled } from "@/lib/enrolments/access";
import { courseProgressOf, lessonProgressOf } from "@/lib/progress/queries";
import { LessonProgress } from "./lesson-progress";

export async function LessonProgressPanel(props: { userId: number; courseId: number; lessonId: number; kind: "video" | "article" | "live" | "lab"; enrolled: boolean }) {
  const enrolled = props.enrolled || (await isEnrolled(props.userId, props.courseId));
  if (!enrolled) return null;
  const [own, course, t] = await Promise.all([lessonProgressOf(props.userId, props.lessonId), courseProgressOf(props.userId, props.courseId), getTranslations("Progress")]);
  return (
    <LessonProgress
      lessonId={props.lessonId}
      kind={props.kind}
      initial={own ?? { percent: 0, positionSeconds: 0, completed: false }}
      course={{ completedLessons: course.completedLessons, totalLessons: course.totalLessons, percent: course.percent }}
      labels={{
        markComplete: t("markComplete"),
        completed: t("completed"),
        saveFailed: t("saveFailed"),
        progressLabel: t("courseProgressLabel"),
        // Templates the client fills in, rendered with their own placeholders as values: messages are
        // precompiled (next.config.js), so t.raw would not give their text.
        courseProgress: t("courseProgress", { done: "{done}", total: "{total}", percent: "{percent}" }),
        pointsEarned: t("pointsEarned", { points: "{points}" }),
      }}
    />
  );
}
