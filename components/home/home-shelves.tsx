// The data-driven part of the home page: categories and the two course shelves. Streams in after the hero.
import { getTranslations } from "next-intl/server";
import { CourseGrid } from "@/components/course/course-grid";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { getHomeData } from "@/lib/catalogue/home";
import { CategoryChips } from "./category-chips";
import { HomeSection } from "./home-section";

export async function HomeShelves() {
  const [data, t] = await Promise.all([getHomeData(), getTranslations("Home")]);

  return (
    <>
      {data.categories.length > 0 ? (
        <HomeSection title={t("categoriesTitle")} testId="home-categories">
          <CategoryChips categories={data.categories} />
        </HomeSection>
      ) : null}
      {data.popular.length > 0 ? (
        <>
          <HomeSection title={t("popularTitle")} more={{ href: "/courses?sort=popular", label: t("seeAll") }} testId="home-popular">
            <CourseGrid courses={data.popular} />
          </HomeSection>
          <HomeSection title={t("newTitle")} more={{ href: "/courses?sort=newest", label: t("seeAll") }} testId="home-newest">
            <CourseGrid courses={data.newest} />
          </HomeSection>
        </>
      ) : (
        <Container>
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        </Container>
      )}
    </>
  );
}
