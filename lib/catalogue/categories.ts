// The top-level categories, shown by the home page and the footer. Cached per request, so a page that shows
// both asks the database once.
import "server-only";
import { asc, isNull } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db";
import { categories } from "@/db/schema";

export interface CategorySummary {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
}

export const getTopLevelCategories = cache(
  (): Promise<CategorySummary[]> =>
    db()
      .select({ id: categories.id, slug: categories.slug, nameZh: categories.nameZh, nameEn: categories.nameEn })
      .from(categories)
      .where(isNull(categories.parentId))
      .orderBy(asc(categories.position), asc(categories.id)),
);
