// The admin's course list: every status, searchable by title or slug, newest change first.
import "server-only";
import { and, count, desc, eq, like, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { categories, courses, courseStatuses, teachers } from "@/db/schema";

export const adminCourseFilter = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(courseStatuses).optional(),
});
export type AdminCourseFilter = z.infer<typeof adminCourseFilter>;

export interface AdminCourseRow {
  id: number;
  slug: string;
  title: string;
  status: (typeof courseStatuses)[number];
  priceFen: number;
  memberPriceFen: number | null;
  level: string;
  language: string;
  category: { id: number; slug: string; nameZh: string; nameEn: string };
  teacher: { id: number; name: string };
  enrolmentCount: number;
  updatedAt: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAdminCourses(filter: AdminCourseFilter, page: number, perPage: number): Promise<{ rows: AdminCourseRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(courses.status, filter.status));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(like(courses.title, pattern), like(courses.slug, pattern))!);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [totalRow]] = await Promise.all([
    db()
      .select({
        id: courses.id,
        slug: courses.slug,
        title: courses.title,
        status: courses.status,
        priceFen: courses.priceFen,
        memberPriceFen: courses.memberPriceFen,
        level: courses.level,
        language: courses.language,
        enrolmentCount: courses.enrolmentCount,
        updatedAt: courses.updatedAt,
        categoryId: categories.id,
        categorySlug: categories.slug,
        categoryZh: categories.nameZh,
        categoryEn: categories.nameEn,
        teacherId: teachers.id,
        teacherName: teachers.name,
      })
      .from(courses)
      .innerJoin(categories, eq(categories.id, courses.categoryId))
      .innerJoin(teachers, eq(teachers.id, courses.teacherId))
      .where(where)
      .orderBy(desc(courses.updatedAt), desc(courses.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db().select({ total: count() }).from(courses).where(where),
  ]);
  return {
    total: totalRow?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      priceFen: r.priceFen,
      memberPriceFen: r.memberPriceFen,
      level: r.level,
      language: r.language,
      enrolmentCount: r.enrolmentCount,
      updatedAt: r.updatedAt,
      category: { id: r.categoryId, slug: r.categorySlug, nameZh: r.categoryZh, nameEn: r.categoryEn },
      teacher: { id: r.teacherId, name: r.teacherName },
    })),
  };
}
