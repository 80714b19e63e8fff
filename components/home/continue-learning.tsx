// "Continue learning" on the home page: a signed-in learner's unfinished courses, most recently studied first.
// Renders nothing for visitors and for learners with nothing in progress; streams in behind the hero.
import { getTranslations } from "next-intl/server";
import { EnrolledCourseList } from "@/components/progress/enrolled-course-list";
import { currentUserId } from "@/lib/auth/current-user";
import { logger } from "@/lib/log";
import { enrolledCourses } from "@/lib/progress/queries";
import { HomeSection } from "./home-section";

export async function ContinueLearning() {
  const userId = await currentUserId();
  if (userId === null) return null;
  const found = await enrolledCourses(userId, { limit: 3, unfinishedOnly: true }).catch((error: unknown) => {
    // The rest of the home page is still worth showing.
    logger.error({ err: error, userId }, "continue learning could not be read");
    return null;
  });
  if (!found || found.items.length === 0) return null;
  const t = await getTranslations("MyCourses");
  return (
    <HomeSection title={t("continueTitle")} more={{ href: "/account/courses", label: t("allMyCourses") }} testId="home-continue">
      <EnrolledCourseList items={found.items} headingLevel={3} />
    </HomeSection>
  );
}
