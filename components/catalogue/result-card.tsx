// A course in the catalogue's results: the shared course card, with the search matches of its title,
// subtitle and description marked. Without search words it reads exactly like the home page's cards.
import { CourseCard } from "@/components/course/course-card";
import type { CourseListItem } from "@/lib/catalogue/courses";
import { Highlighted } from "./highlighted";
import own from "./catalogue.module.css";

export function ResultCard({ course }: { course: CourseListItem }) {
  const h = course.highlight;
  const snippetHasHit = h?.snippet.some((part) => part.hit) ?? false;
  return (
    <CourseCard
      course={course}
      title={<Highlighted parts={h?.title} fallback={course.title} />}
      subtitle={<Highlighted parts={h?.subtitle} fallback={course.subtitle} />}
      extra={
        snippetHasHit ? (
          <p className={own.snippet} data-testid="course-card-snippet">
            <Highlighted parts={h?.snippet} fallback="" />
          </p>
        ) : null
      }
    />
  );
}
