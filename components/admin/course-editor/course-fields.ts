// The editor's form values (strings, as inputs hold them) and their conversion to the schema's input.
import { adminCourseSchema, type AdminCourseDetail, type AdminCourseInput } from "@/lib/catalogue/admin-course-schema";
import type { DraftChapter } from "./syllabus-editor";

export interface FormValues {
  slug: string;
  title: string;
  subtitle: string;
  coverUrl: string;
  description: string;
  price: string;
  memberPrice: string;
  includedInMembership: boolean;
  level: string;
  language: string;
  status: AdminCourseDetail["status"];
  categoryId: string;
  teacherId: string;
  tags: string;
}

const yuan = (fen: number | null) => (fen === null ? "" : (fen / 100).toFixed(2));

/** "199" / "199.5" / "199.50" yuan → fen; anything else is passed on as NaN for the schema to refuse. */
function fen(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(trimmed)) return Number.NaN;
  const [whole, fraction = ""] = trimmed.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function valuesOf(course: AdminCourseDetail | null, defaults: { categoryId?: number; teacherId?: number }): FormValues {
  return {
    slug: course?.slug ?? "",
    title: course?.title ?? "",
    subtitle: course?.subtitle ?? "",
    coverUrl: course?.coverUrl ?? "",
    description: course?.description ?? "",
    price: course ? yuan(course.priceFen) : "0.00",
    memberPrice: course ? yuan(course.memberPriceFen) : "",
    includedInMembership: course?.includedInMembership ?? false,
    level: course?.level ?? "beginner",
    language: course?.language ?? "zh-CN",
    status: course?.status ?? "draft",
    categoryId: String(course?.categoryId ?? defaults.categoryId ?? ""),
    teacherId: String(course?.teacherId ?? defaults.teacherId ?? ""),
    tags: (course?.tags ?? []).join(", "),
  };
}

export function inputOf(values: FormValues): AdminCourseInput {
  return {
    slug: values.slug,
    title: values.title,
    subtitle: values.subtitle,
    coverUrl: values.coverUrl || null,
    description: values.description,
    priceFen: fen(values.price),
    memberPriceFen: values.memberPrice.trim() === "" ? null : fen(values.memberPrice),
    includedInMembership: values.includedInMembership,
    level: values.level as AdminCourseInput["level"],
    language: values.language as AdminCourseInput["language"],
    status: values.status,
    categoryId: Number(values.categoryId) || 0,
    teacherId: Number(values.teacherId) || 0,
    tags: values.tags
      .split(/[,，]/)
      .map((t) => t.trim())
      .filter(Boolean),
  };
}

/** The first error key of each field, from the shared schema (the server checks again). */
export function checkValues(values: FormValues): Record<string, string> {
  const parsed = adminCourseSchema.safeParse(inputOf(values));
  return parsed.success ? {} : firstErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_"), [i.message]])));
}

export function firstErrors(fieldErrors: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const field = key.split(".")[0]!;
    if (messages[0] && !out[field]) out[field] = messages[0];
  }
  return out;
}

export function draftChapters(course: AdminCourseDetail | null): DraftChapter[] {
  return (course?.chapters ?? []).map((c) => ({ key: `chapter-${c.id}`, id: c.id, title: c.title, lessons: c.lessons.map((l) => ({ ...l, key: `lesson-${l.id}` })) }));
}
