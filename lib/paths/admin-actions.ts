"use server";
// Server actions of /admin/paths: a course admin composes a learning path (title, address, summary, status,
// courses in order, given as course addresses one per line) or deletes one. Validated with the path schema
// (admin.ts), saved with its audit row in one transaction.
import { inArray } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { courses } from "@/db/schema";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { deletePath, PathError, pathInput, savePath } from "./admin";

const log = logger.child({ component: "paths-admin" });

export interface PathFormState {
  ok: boolean | null;
  /** Field name → message key (under Following.admin.errors). */
  errors: Record<string, string>;
  error?: "not_found" | "unavailable" | "slug_taken" | "duplicate_courses";
  unknownSlugs?: string[];
}

const idOf = (value: FormDataEntryValue | null) => (typeof value === "string" && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null);

export const savePathAction = adminAction(
  "paths.save",
  { category: "courses", zh: "编排学习路径", en: "Compose learning paths", roles: ["course_admin"] },
  async (admin, _previous: PathFormState, data: FormData): Promise<PathFormState> => {
    const id = idOf(data.get("id"));
    const text = (name: string, max: number) => {
      const v = data.get(name);
      return typeof v === "string" ? v.slice(0, max) : "";
    };
    const slugs = text("courses", 20_000)
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 100);
    const found = slugs.length ? await db().select({ id: courses.id, slug: courses.slug }).from(courses).where(inArray(courses.slug, slugs)) : [];
    const bySlug = new Map(found.map((c) => [c.slug, c.id]));
    const unknown = slugs.filter((s) => !bySlug.has(s));
    if (unknown.length > 0) return { ok: false, errors: { courses: "unknown_courses" }, unknownSlugs: unknown };
    const parsed = pathInput.safeParse({ slug: text("slug", 200), title: text("title", 300), summary: text("summary", 6000), status: data.get("status") === "published" ? "published" : "draft", courseIds: slugs.map((s) => bySlug.get(s)!) });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] === "courseIds" ? "courses" : String(issue.path[0])] ??= issue.message;
      return { ok: false, errors };
    }
    let saved: number;
    try {
      saved = await savePath(admin, id, parsed.data);
    } catch (error) {
      if (error instanceof PathError) return { ok: false, errors: {}, error: error.code === "unknown_courses" ? "unavailable" : error.code };
      log.error({ err: error, pathId: id }, "saving a learning path failed");
      return { ok: false, errors: {}, error: "unavailable" };
    }
    revalidatePath("/admin/paths");
    revalidatePath("/paths");
    if (id === null) redirect(`/admin/paths/${saved}`);
    return { ok: true, errors: {} };
  },
);

export const deletePathAction = adminAction(
  "paths.delete",
  { category: "courses", zh: "删除学习路径", en: "Delete learning paths", roles: ["course_admin"] },
  async (admin, data: FormData): Promise<void> => {
    const id = idOf(data.get("id"));
    if (id === null) return;
    try {
      await deletePath(admin, id);
    } catch (error) {
      if (!(error instanceof PathError)) throw error;
    }
    revalidatePath("/paths");
    redirect("/admin/paths");
  },
);
