// sitemap.xml: the home page, the catalogue, each top category's list, every published course and the page of
// every teacher who has one. Drafts and archived courses are left out (and teachers with nothing else);
// filtered lists other than by top category are variations, not pages.
import type { MetadataRoute } from "next";
import { getCategoryTree } from "@/lib/catalogue/category-tree";
import { publishedCoursesForSitemap, teachersForSitemap } from "@/lib/catalogue/sitemap-entries";
import { env } from "@/lib/config/env";

// Built per request from live data, never at build time (there is no database during `next build`).
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = env().APP_URL.replace(/\/$/, "");
  const [courses, tree, teachers] = await Promise.all([publishedCoursesForSitemap(), getCategoryTree(), teachersForSitemap()]);
  const latest = courses.reduce<Date | undefined>((max, c) => (!max || c.lastModified > max ? c.lastModified : max), undefined);
  return [
    { url: `${origin}/`, lastModified: latest, changeFrequency: "daily", priority: 1 },
    { url: `${origin}/courses`, lastModified: latest, changeFrequency: "daily", priority: 0.9 },
    ...tree.map((category) => ({ url: `${origin}/courses?category=${encodeURIComponent(category.slug)}`, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...courses.map((course) => ({
      url: `${origin}/courses/${encodeURIComponent(course.slug)}`,
      lastModified: course.lastModified,
      changeFrequency: "weekly" as const,
      priority: 0.8,
    })),
    ...teachers.map((teacher) => ({
      url: `${origin}/teachers/${encodeURIComponent(teacher.slug)}`,
      lastModified: teacher.lastModified ?? undefined,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
  ];
}
