// "Recommended for you" on the home page: courses the learners who took this learner's courses went on to take
// (lib/recommend), none of the learner's own. Renders nothing for visitors (the page they see is cached for
// everyone) or when there is nothing to recommend; streams in behind the hero.
import { getTranslations } from "next-intl/server";
import { CourseGrid } from "@/components/course/course-grid";
import { currentUserId } from "@/lib/auth/current-user";
import { forYou } from "@/lib/recommend";
import { HomeSection } from "./home-section";

export async function Recommended() {
  const userId = await currentUserId();
  if (userId === null) return null;
  const courses = await forYou(userId, 4);
  if (courses.length === 0) return null;
  const t = await getTranslations("Recommend");
  return (
    <HomeSection title={t("forYou")} more={{ href: "/courses", label: t("browseAll") }} testId="home-recommended">
      <CourseGrid courses={courses} />
    </HomeSection>
  );
}
