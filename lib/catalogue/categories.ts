// The top-level categories, shown by the home page and by the footer of every page: through the catalogue's
// cache (Redis, with its one-second in-process layer; invalidated with the category tag), and once per request.
import "server-only";
import { asc, isNull } from "drizzle-orm";
import { cache } from "react";
import { replicaDb } from "@/db";
import { categories } from "@/db/schema";
import { cached } from "@/lib/cache";
import { CATALOGUE_TAGS } from "./tags";

export interface CategorySummary {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
}

const loadTopLevel = (): Promise<CategorySummary[]> =>
  replicaDb()
    .select({ id: categories.id, slug: categories.slug, nameZh: categories.nameZh, nameEn: categories.nameEn })
    .from(categories)
    .where(isNull(categories.parentId))
    .orderBy(asc(categories.position), asc(categories.id));

export const getTopLevelCategories = cache(async (): Promise<CategorySummary[]> => (await cached("catalogue:top-categories", { tags: [CATALOGUE_TAGS.categories], ttlSeconds: 300 }, loadTopLevel)) ?? []);
