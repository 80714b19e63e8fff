// What the home page shows: the top-level categories and two shelves of published courses (most popular,
// newest), each course with its teacher and category. Three small indexed queries, run together.
import "server-only";
import { desc, eq, type SQL } from "drizzle-orm";
import { courses } from "@/db/schema";
import { logger } from "@/lib/log";
import { getTopLevelCategories, type CategorySummary } from "./categories";
import { selectCourseCards, toCatalogueCourse, type CourseSummary } from "./course-rows";

export const HOME_SHELF_SIZE = 8;

/** A database that does not answer in time fails the page (and shows its error state) instead of hanging it. */
const QUERY_DEADLINE_MS = 8_000;

export type { CategorySummary };

export interface HomeData {
  categories: CategorySummary[];
  popular: CourseSummary[];
  newest: CourseSummary[];
}

function publishedCourses(orderBy: SQL[]): Promise<CourseSummary[]> {
  return selectCourseCards()
    .where(eq(courses.status, "published"))
    .orderBy(...orderBy)
    .limit(HOME_SHELF_SIZE)
    .then((rows) => rows.map(toCatalogueCourse));
}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function getHomeData(): Promise<HomeData> {
  try {
    const [cats, popular, newest] = await withDeadline(
      Promise.all([
        getTopLevelCategories(),
        publishedCourses([desc(courses.enrolmentCount), desc(courses.id)]),
        publishedCourses([desc(courses.publishedAt), desc(courses.id)]),
      ]),
      QUERY_DEADLINE_MS,
    );
    return { categories: cats, popular, newest };
  } catch (error) {
    logger.error({ err: error, scope: "catalogue.home" }, "loading the home page data failed");
    throw error;
  }
}
