// A teacher's page: the profile (name, title, bio, photo, what their courses add up to) and their published
// courses, a page at a time. Rendered whole, with no loading.tsx: a streamed skeleton would leave readers
// without JavaScript (and crawlers that do not run it) with nothing but the skeleton, and a "not found" decided
// after streaming began would go out as a 200. Both reads are Redis-cached, so the wait is short.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { JsonLd, teacherJsonLd } from "@/components/catalogue/json-ld";
import { Pagination } from "@/components/catalogue/pagination";
import { TeacherHero } from "@/components/catalogue/teacher-hero";
import styles from "@/components/catalogue/teacher.module.css";
import { CourseGrid } from "@/components/course/course-grid";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { getTeacherProfile, listTeacherCourses } from "@/lib/catalogue/teachers";
import { env } from "@/lib/config/env";

// Reads the locale cookie and live catalogue data.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** ?page=N, from 1; anything else is the first page. */
function pageOf(raw: string | string[] | undefined): number {
  return typeof raw === "string" && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

const pathOf = (slug: string) => `/teachers/${encodeURIComponent(slug)}`;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const teacher = await getTeacherProfile((await params).slug);
  if (!teacher) return {};
  const page = pageOf((await searchParams).page);
  const t = await getTranslations("Teacher");
  const tm = await getTranslations("Metadata");
  const title = page > 1 ? t("metaTitlePage", { name: teacher.name, page }) : t("metaTitle", { name: teacher.name });
  const bio = teacher.bio.replace(/\s+/g, " ").trim();
  const description = bio ? (bio.length > 160 ? `${bio.slice(0, 159)}…` : bio) : t("metaDescription", { name: teacher.name, title: teacher.title || "none", count: teacher.courseCount });
  const url = pathOf(teacher.slug);
  return {
    metadataBase: new URL(env().APP_URL),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "profile", url, title, description, siteName: tm("siteName"), ...(teacher.avatarUrl ? { images: [teacher.avatarUrl] } : {}) },
    twitter: { card: "summary", title, description },
    // The first page is the teacher's page; later ones are for people paging through.
    robots: page > 1 ? { index: false, follow: true } : undefined,
  };
}

export default async function TeacherPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const teacher = await getTeacherProfile(slug);
  if (!teacher) notFound();
  const page = pageOf((await searchParams).page);
  const [t, tc, list] = await Promise.all([getTranslations("Teacher"), getTranslations("Catalogue"), listTeacherCourses(teacher.id, page)]);
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));
  const href = (n: number) => (n > 1 ? `${pathOf(teacher.slug)}?page=${n}` : pathOf(teacher.slug));

  return (
    <article data-testid="teacher-page">
      <JsonLd data={teacherJsonLd(teacher, env().APP_URL.replace(/\/$/, ""))} />
      <TeacherHero teacher={teacher} />
      <Container className={styles.body}>
        <section aria-labelledby="teacher-courses-heading" className={styles.courses}>
          <div className={styles.sectionHead}>
            <h2 id="teacher-courses-heading" className={styles.sectionHeading}>
              {t("coursesHeading", { name: teacher.name })}
            </h2>
            <p className={styles.sectionNote} data-testid="teacher-courses-count">
              {pages > 1 ? `${tc("resultsCount", { count: list.total })} · ${t("pageOf", { page: Math.min(page, pages), pages })}` : tc("resultsCount", { count: list.total })}
            </p>
          </div>
          {list.items.length > 0 ? (
            <>
              <div data-testid="teacher-courses">
                <CourseGrid courses={list.items} hideTeacher />
              </div>
              <Pagination page={page} pages={pages} href={href} />
            </>
          ) : (
            <div data-testid="empty-results">
              <EmptyState
                headingLevel={3}
                title={t("pastLastPage")}
                action={
                  <LinkButton href={pathOf(teacher.slug)} variant="secondary">
                    {t("firstPage")}
                  </LinkButton>
                }
              />
            </div>
          )}
        </section>
      </Container>
    </article>
  );
}
