// The course catalogue: a two-level category tree, teachers, courses, chapters and lessons.
import { boolean, index, int, json, mediumtext, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { createdAt, fen, id, idRef, timestamp, updatedAt } from "./columns";
import { users } from "./identity";

export const courseLevels = ["beginner", "intermediate", "advanced"] as const;
export const courseStatuses = ["draft", "published", "archived"] as const;
export const lessonKinds = ["video", "article", "lab", "live"] as const;
/** The language a course is taught in (not the UI language). */
export const courseLanguages = ["zh-CN", "en"] as const;

export const categories = mysqlTable(
  "categories",
  {
    id: id(),
    parentId: idRef("parent_id"),
    slug: varchar("slug", { length: 64 }).notNull(),
    nameZh: varchar("name_zh", { length: 64 }).notNull(),
    nameEn: varchar("name_en", { length: 64 }).notNull(),
    position: int("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("categories_slug_uq").on(t.slug), index("categories_parent_idx").on(t.parentId, t.position)],
);

export const teachers = mysqlTable(
  "teachers",
  {
    id: id(),
    slug: varchar("slug", { length: 64 }).notNull(),
    name: varchar("name", { length: 64 }).notNull(),
    title: varchar("title", { length: 128 }).notNull().default(""),
    bio: text("bio").notNull(),
    avatarUrl: varchar("avatar_url", { length: 255 }),
    /** The teacher's own account, when they have one. */
    userId: idRef("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teachers_slug_uq").on(t.slug)],
);

export const courses = mysqlTable(
  "courses",
  {
    id: id(),
    slug: varchar("slug", { length: 128 }).notNull(),
    title: varchar("title", { length: 191 }).notNull(),
    subtitle: varchar("subtitle", { length: 255 }).notNull().default(""),
    coverUrl: varchar("cover_url", { length: 255 }),
    /** Sanitised HTML from the course editor. */
    description: mediumtext("description").notNull(),
    priceFen: fen("price_fen").notNull(),
    memberPriceFen: fen("member_price_fen"),
    /** Members open this course without buying it, while their membership lasts (lib/memberships). */
    includedInMembership: boolean("included_in_membership").notNull().default(false),
    level: mysqlEnum("level", courseLevels).notNull(),
    language: mysqlEnum("language", courseLanguages).notNull(),
    status: mysqlEnum("status", courseStatuses).notNull().default("draft"),
    categoryId: idRef("category_id")
      .notNull()
      .references(() => categories.id),
    teacherId: idRef("teacher_id")
      .notNull()
      .references(() => teachers.id),
    tags: json("tags").$type<string[]>().notNull(),
    /** Denormalised counters, kept in step by the enrolment and review writers. */
    enrolmentCount: int("enrolment_count", { unsigned: true }).notNull().default(0),
    ratingSum: int("rating_sum", { unsigned: true }).notNull().default(0),
    ratingCount: int("rating_count", { unsigned: true }).notNull().default(0),
    publishedAt: timestamp("published_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("courses_slug_uq").on(t.slug),
    index("courses_status_published_idx").on(t.status, t.publishedAt),
    index("courses_category_idx").on(t.categoryId, t.status),
    index("courses_teacher_idx").on(t.teacherId),
  ],
);

export const chapters = mysqlTable(
  "chapters",
  {
    id: id(),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 191 }).notNull(),
    position: int("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("chapters_course_idx").on(t.courseId, t.position)],
);

export const lessons = mysqlTable(
  "lessons",
  {
    id: id(),
    courseId: idRef("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    chapterId: idRef("chapter_id")
      .notNull()
      .references(() => chapters.id, { onDelete: "cascade" }),
    title: varchar("title", { length: 191 }).notNull(),
    kind: mysqlEnum("kind", lessonKinds).notNull(),
    isFreePreview: boolean("is_free_preview").notNull().default(false),
    durationSeconds: int("duration_seconds", { unsigned: true }).notNull().default(0),
    position: int("position").notNull(),
    /** Sanitised HTML from the lesson editor: an article's text, or notes shown under a video. */
    body: mediumtext("body"),
    /**
     * The video learners are shown: a ready row of video_assets (db/schema/media.ts). A new upload gets its own
     * row and takes this place only once it is ready, so the lesson keeps its old video until then. No foreign
     * key: video_assets points back at lessons, and lib/media moves both in one transaction.
     */
    videoAssetId: idRef("video_asset_id"),
    createdAt: createdAt(),
  },
  (t) => [index("lessons_chapter_idx").on(t.chapterId, t.position), index("lessons_course_idx").on(t.courseId)],
);
