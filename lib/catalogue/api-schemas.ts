// The public catalogue API's request and response shapes as zod schemas. The route handlers validate with
// the request schemas and build answers with the mappers below; lib/api-docs turns the same schemas into
// the OpenAPI document, so the documentation cannot drift from what the handlers accept.
import { z } from "zod";
import { courseLanguages, courseLevels, lessonKinds } from "@/db/schema/catalogue";
import { MAX_PER_PAGE, pageParams } from "@/lib/http/paging";
import type { CategoryNode } from "./category-tree";
import type { CourseDetail } from "./course-detail";
import type { CourseListItem } from "./courses";
import { courseSortKeys } from "./filters";

export { MAX_PER_PAGE };
const integer = (description: string) => z.coerce.number().int().describe(description);

export const courseListQuerySchema = z
  .strictObject({
    ...pageParams,
    sortby: z.enum(courseSortKeys).optional().describe("Sort key. Default: relevance when `q` is given, newest otherwise; relevance without `q` means newest."),
    order: z.enum(["asc", "desc"]).optional().describe("Default: asc for price, desc otherwise."),
    category: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, "A category slug or id.")
      .optional()
      .describe("A category's slug or id; its subcategories are included."),
    level: z.enum(courseLevels).optional(),
    language: z.enum(courseLanguages).optional().describe("The language the course is taught in."),
    q: z.string().max(100).optional().describe("Search words, Chinese or English; every word must match. Results carry highlights."),
    price_min: integer("Lowest list price, in fen.").min(0).optional(),
    price_max: integer("Highest list price, in fen.").min(0).optional(),
    free: z.enum(["true", "false"]).optional().describe("true: only free courses; false: only paid ones."),
  })
  .refine((q) => q.price_min === undefined || q.price_max === undefined || q.price_min <= q.price_max, {
    path: ["price_max"],
    message: "Must not be below price_min.",
  });

export const suggestionQuerySchema = z.strictObject({
  q: z.string().min(1).max(100).describe("What the user has typed so far."),
  limit: integer("How many suggestions, 8 by default.").min(1).max(20).optional(),
});

const highlightParts = z.array(z.object({ text: z.string(), hit: z.boolean() })).describe("The text in parts; parts with hit=true matched the query.");

const categoryRef = z.object({ id: z.int(), slug: z.string(), name_zh: z.string(), name_en: z.string() });

export const apiCourseSchema = z.object({
  id: z.int(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string(),
  cover_url: z.string().nullable(),
  price_fen: z.int().min(0).describe("List price in fen (1/100 yuan)."),
  member_price_fen: z.int().min(0).nullable(),
  level: z.enum(courseLevels),
  language: z.enum(courseLanguages),
  tags: z.array(z.string()),
  enrolment_count: z.int().min(0),
  rating: z.number().nullable().describe("Damped (Bayesian) average rating to one decimal: (10 × 4.0 + sum of stars) / (10 + ratings), so a few reviews move it little; null before the first rating."),
  rating_count: z.int().min(0),
  published_at: z.string().nullable().describe("ISO 8601, UTC."),
  teacher: z.object({ id: z.int(), slug: z.string(), name: z.string() }),
  category: categoryRef,
  highlight: z.object({ title: highlightParts, subtitle: highlightParts, snippet: highlightParts }).optional().describe("Only when searched with `q`."),
});

export const courseListResponseSchema = z.object({
  data: z.array(apiCourseSchema),
  meta: z.object({ page: z.int(), per_page: z.int(), total: z.int(), sortby: z.enum(courseSortKeys), order: z.enum(["asc", "desc"]) }),
});

const apiLessonSchema = z.object({
  id: z.int(),
  title: z.string(),
  kind: z.enum(lessonKinds),
  duration_seconds: z.int().min(0),
  is_free_preview: z.boolean(),
});

export const apiCourseDetailSchema = apiCourseSchema.omit({ highlight: true, teacher: true }).extend({
  description_html: z.string().describe("Sanitised HTML."),
  teacher: z.object({ id: z.int(), slug: z.string(), name: z.string(), title: z.string(), bio: z.string(), avatar_url: z.string().nullable() }),
  parent_category: categoryRef.nullable(),
  chapters: z.array(z.object({ id: z.int(), title: z.string(), lessons: z.array(apiLessonSchema) })),
  lesson_count: z.int(),
  total_duration_seconds: z.int(),
  free_preview_count: z.int(),
});

export const courseDetailResponseSchema = z.object({ data: apiCourseDetailSchema });

const apiCategorySchema = categoryRef.extend({ course_count: z.int().describe("Published courses here and in the subcategories.") });
export const categoryTreeResponseSchema = z.object({
  data: z.array(apiCategorySchema.extend({ children: z.array(apiCategorySchema) })),
});

export const suggestionResponseSchema = z.object({
  data: z.array(z.object({ kind: z.enum(["course", "tag"]), text: z.string(), slug: z.string().optional(), parts: highlightParts })),
});

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe("BAD_REQUEST, VALIDATION_FAILED, NOT_FOUND, UNAUTHORIZED, ..."),
    message: z.string(),
    details: z.record(z.string(), z.array(z.string())).optional().describe("Field errors keyed by parameter or field name."),
  }),
});

const ref = (c: { id: number; slug: string; nameZh: string; nameEn: string }) => ({ id: c.id, slug: c.slug, name_zh: c.nameZh, name_en: c.nameEn });

export function toApiCourse(c: CourseListItem): z.infer<typeof apiCourseSchema> {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    cover_url: c.coverUrl,
    price_fen: c.priceFen,
    member_price_fen: c.memberPriceFen,
    level: c.level,
    language: c.language,
    tags: c.tags,
    enrolment_count: c.enrolmentCount,
    rating: c.rating,
    rating_count: c.ratingCount,
    published_at: c.publishedAt,
    teacher: c.teacher,
    category: ref(c.category),
    ...(c.highlight ? { highlight: c.highlight } : {}),
  };
}

export function toApiCourseDetail(d: CourseDetail): z.infer<typeof apiCourseDetailSchema> {
  const { highlight: _none, teacher: _teacher, ...base } = toApiCourse(d);
  return {
    ...base,
    description_html: d.description,
    teacher: { id: d.teacher.id, slug: d.teacher.slug, name: d.teacher.name, title: d.teacher.title, bio: d.teacher.bio, avatar_url: d.teacher.avatarUrl },
    parent_category: d.parentCategory ? ref(d.parentCategory) : null,
    chapters: d.chapters.map((ch) => ({
      id: ch.id,
      title: ch.title,
      lessons: ch.lessons.map((l) => ({ id: l.id, title: l.title, kind: l.kind, duration_seconds: l.durationSeconds, is_free_preview: l.isFreePreview })),
    })),
    lesson_count: d.lessonCount,
    total_duration_seconds: d.totalDurationSeconds,
    free_preview_count: d.freePreviewCount,
  };
}

export function toApiCategoryTree(tree: CategoryNode[]): z.infer<typeof categoryTreeResponseSchema> {
  const node = (n: CategoryNode) => ({ ...ref(n), course_count: n.courseCount });
  return { data: tree.map((root) => ({ ...node(root), children: root.children.map(node) })) };
}
