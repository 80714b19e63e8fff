// The two-level category tree with how many published courses each holds, cached in Redis.
import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { replicaDb } from "@/db";
import { categories, courses } from "@/db/schema";
import { cached } from "@/lib/cache";
import { CATALOGUE_TAGS } from "./tags";

export interface CategoryNode {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  parentId: number | null;
  /** Published courses in this category and its subcategories. */
  courseCount: number;
  children: CategoryNode[];
}

async function loadTree(): Promise<CategoryNode[]> {
  const [rows, counts] = await Promise.all([
    replicaDb()
      .select({ id: categories.id, slug: categories.slug, nameZh: categories.nameZh, nameEn: categories.nameEn, parentId: categories.parentId })
      .from(categories)
      .orderBy(asc(categories.position), asc(categories.id)),
    replicaDb().select({ categoryId: courses.categoryId, n: count() }).from(courses).where(eq(courses.status, "published")).groupBy(courses.categoryId),
  ]);
  const own = new Map(counts.map((c) => [c.categoryId, Number(c.n)]));
  const nodes = new Map(rows.map((r) => [r.id, { ...r, courseCount: own.get(r.id) ?? 0, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const root of roots) root.courseCount += root.children.reduce((sum, child) => sum + child.courseCount, 0);
  return roots;
}

/** Top-level categories in order, each with its subcategories. */
export async function getCategoryTree(): Promise<CategoryNode[]> {
  return (await cached("catalogue:category-tree", { tags: [CATALOGUE_TAGS.categories, CATALOGUE_TAGS.courses], ttlSeconds: 300 }, loadTree)) ?? [];
}

/** A category by slug or numeric id, with the ids it covers (itself and its subcategories); null if unknown. */
export async function resolveCategory(slugOrId: string): Promise<{ category: CategoryNode; ids: number[] } | null> {
  const tree = await getCategoryTree();
  const asId = /^\d{1,15}$/.test(slugOrId) ? Number(slugOrId) : null;
  for (const node of tree.flatMap((root) => [root, ...root.children])) {
    if (node.slug === slugOrId || node.id === asId) return { category: node, ids: [node.id, ...node.children.map((c) => c.id)] };
  }
  return null;
}
