// The one validation schema of a course as an admin writes it: used by the course editor in the browser (to
// show field errors before sending) and by the admin REST API and server actions (the real check). Messages
// are message keys (CourseEditor.errors.*), so the API answers them as stable codes and the form translates
// them. Plain zod only: this module is bundled into the editor.
import { z } from "zod";
import type { courseLanguages, courseLevels, courseStatuses, lessonKinds } from "@/db/schema/catalogue";

// Repeated here so the browser bundle does not pull in drizzle; `satisfies` keeps them in step with the schema.
export const COURSE_LEVELS = ["beginner", "intermediate", "advanced"] as const satisfies readonly (typeof courseLevels)[number][];
export const COURSE_LANGUAGES = ["zh-CN", "en"] as const satisfies readonly (typeof courseLanguages)[number][];
export const COURSE_STATUSES = ["draft", "published", "archived"] as const satisfies readonly (typeof courseStatuses)[number][];
export const LESSON_KINDS = ["video", "article", "lab", "live"] as const satisfies readonly (typeof lessonKinds)[number][];

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 20;
export const MAX_PRICE_FEN = 100_000_000;
export const MAX_DESCRIPTION_LENGTH = 200_000;

/** Our own upload path or an https URL: the same rule the sanitiser applies to images. */
export function isImageUrl(value: string): boolean {
  if (/^\/uploads\/[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value)) return !value.split("/").includes("..");
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.host !== "";
  } catch {
    return false;
  }
}

const id = z.number({ error: "required" }).int("invalid").positive("invalid").max(2 ** 53 - 1, "invalid");
const fen = z.number({ error: "required" }).int("fen_integer").min(0, "fen_negative").max(MAX_PRICE_FEN, "fen_too_large");

export const adminCourseFields = z.object({
  slug: z
    .string({ error: "required" })
    .trim()
    .min(3, "slug_format")
    .max(128, "too_long")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug_format"),
  title: z.string({ error: "required" }).trim().min(1, "required").max(191, "too_long"),
  subtitle: z.string().trim().max(255, "too_long").default(""),
  coverUrl: z
    .string()
    .trim()
    .max(255, "too_long")
    .refine((v) => v === "" || isImageUrl(v), "image_url")
    .nullish()
    .transform((v) => (v ? v : null)),
  description: z.string().max(MAX_DESCRIPTION_LENGTH, "too_long").default(""),
  priceFen: fen,
  memberPriceFen: fen.nullish().transform((v) => v ?? null),
  /** Members open it without buying it, while their membership lasts. */
  includedInMembership: z.boolean({ error: "invalid" }).default(false),
  level: z.enum(COURSE_LEVELS, { error: "required" }),
  language: z.enum(COURSE_LANGUAGES, { error: "required" }),
  status: z.enum(COURSE_STATUSES, { error: "invalid" }).default("draft"),
  categoryId: id,
  teacherId: id,
  tags: z
    .array(z.string().trim().min(1, "tag_empty").max(MAX_TAG_LENGTH, "tag_too_long"))
    .default([])
    // Refinements rather than .max(): they let the course-level member-price check still run.
    .refine((tags) => tags.length <= MAX_TAGS, "too_many_tags")
    .refine((tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length, "duplicate_tags"),
});

/** A whole course (POST and PUT, the editor's save). */
export const adminCourseSchema = adminCourseFields.refine((v) => v.memberPriceFen === null || v.memberPriceFen <= v.priceFen, {
  path: ["memberPriceFen"],
  message: "member_above_price",
  // Checked even when other fields are wrong, so the form shows every problem at once.
  when: ({ value }) => {
    const v = value as { priceFen?: unknown; memberPriceFen?: unknown } | undefined;
    return typeof v?.priceFen === "number" && typeof v.memberPriceFen === "number";
  },
});
export type AdminCourseInput = z.input<typeof adminCourseSchema>;
export type AdminCourse = z.output<typeof adminCourseSchema>;

/** The fields a PATCH may name; it is merged with the stored course and checked whole with adminCourseSchema. */
export const ADMIN_COURSE_KEYS = Object.keys(adminCourseFields.shape) as (keyof AdminCourse)[];

/** The syllabus as the editor saves it: chapters and lessons in order; ids for existing ones. */
export const syllabusSchema = z.object({
  courseId: id,
  chapters: z
    .array(
      z.object({
        id: id.optional(),
        title: z.string({ error: "required" }).trim().min(1, "required").max(191, "too_long"),
        lessons: z
          .array(
            z.object({
              id: id.optional(),
              title: z.string({ error: "required" }).trim().min(1, "required").max(191, "too_long"),
              kind: z.enum(LESSON_KINDS, { error: "required" }),
              durationSeconds: z.number().int("invalid").min(0, "invalid").max(86_400, "invalid").default(0),
              isFreePreview: z.boolean().default(false),
            }),
          )
          .max(200, "too_many"),
      }),
    )
    .max(100, "too_many"),
});
export type SyllabusInput = z.input<typeof syllabusSchema>;
export type Syllabus = z.output<typeof syllabusSchema>;

export interface AdminCourseLesson {
  id: number;
  title: string;
  kind: (typeof LESSON_KINDS)[number];
  durationSeconds: number;
  isFreePreview: boolean;
}

/** A course as the admin API and the editor get it: any status, with its syllabus. */
export interface AdminCourseDetail extends AdminCourse {
  id: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  enrolmentCount: number;
  chapters: { id: number; title: string; lessons: AdminCourseLesson[] }[];
}

/** What the editor's server actions answer; `error` and field errors are CourseEditor message keys. */
export type CourseActionResult =
  | { ok: true; course?: AdminCourseDetail }
  | { ok: false; error: "invalid_input" | "not_found" | "in_use" | "unavailable"; fieldErrors?: Record<string, string[]> };
