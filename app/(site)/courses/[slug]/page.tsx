import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { AlsoTook } from "@/components/catalogue/also-took";
import { Breadcrumbs } from "@/components/catalogue/breadcrumbs";
import { BuyBar } from "@/components/catalogue/buy-bar";
import styles from "@/components/catalogue/course-detail.module.css";
import { courseJsonLd, JsonLd, plainText } from "@/components/catalogue/json-ld";
import { PurchasePanel, type Viewer } from "@/components/catalogue/purchase-panel";
import { ReviewsSection } from "@/components/reviews/reviews-section";
import type { ReviewSort } from "@/lib/reviews/schemas";
import { SanitisedHtml } from "@/components/catalogue/sanitised-html";
import { Syllabus } from "@/components/catalogue/syllabus";
import { TeacherCard, teacherHref } from "@/components/catalogue/teacher-card";
import { coverBackground } from "@/components/course/cover";
import { Badge } from "@/components/ui/badge";
import { Container } from "@/components/ui/container";
import { categoryName } from "@/lib/catalogue/category-name";
import { getCourse } from "@/lib/catalogue/course-detail";
import { currentUserId } from "@/lib/auth/current-user";
import { db } from "@/db";
import { clockNow } from "@/lib/clock";
import { isEnrolled } from "@/lib/enrolments/access";
import { isMember } from "@/lib/memberships/status";
import { formatDuration, formatRating } from "@/lib/catalogue/format";
import { env } from "@/lib/config/env";
import { pendingOrderForCourse } from "@/lib/orders/learner-queries";
import { FollowButton } from "@/components/paths/follow-button";
import { isFollowing } from "@/lib/paths/follows";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reviews' sort and page from the address; anything odd is read as the first page, newest first. */
function reviewsParams(raw: Record<string, string | string[] | undefined>): { sort: ReviewSort; page: number } {
  const sort = raw.reviews_sort === "helpful" ? "helpful" : "newest";
  const n = typeof raw.reviews_page === "string" && /^[1-9]\d{0,3}$/.test(raw.reviews_page) ? Number(raw.reviews_page) : 1;
  return { sort, page: n };
}

const LEVEL_TONE = { beginner: "accent", intermediate: "brand", advanced: "warning" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await getCourse((await params).slug);
  if (!course) return {};
  const t = await getTranslations("Metadata");
  const description = course.subtitle || plainText(course.description, 160);
  const url = `/courses/${encodeURIComponent(course.slug)}`;
  return {
    metadataBase: new URL(env().APP_URL),
    title: course.title,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      url,
      title: course.title,
      description,
      siteName: t("siteName"),
      locale: course.language === "en" ? "en_US" : "zh_CN",
    },
    twitter: { card: "summary", title: course.title, description },
  };
}

export default async function CoursePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const reviewsView = reviewsParams(await searchParams);
  const course = await getCourse(slug);
  if (!course) notFound();
  const [t, tc, tm, tr, locale, userId] = await Promise.all([getTranslations("CourseDetail"), getTranslations("Course"), getTranslations("Metadata"), getTranslations("Reviews"), getLocale(), currentUserId()]);
  const enrolled = userId !== null && (await isEnrolled(userId, course.id));
  // Only a signed-in learner's page (never the one the full-page cache keeps for visitors) looks for their order.
  const pendingOrder = userId !== null && !enrolled && course.priceFen > 0 ? await pendingOrderForCourse(userId, course.id) : null;
  const member = userId !== null && !enrolled && course.includedInMembership && (await isMember(db(), userId, await clockNow(userId)));
  const viewer: Viewer = { signedIn: userId !== null, enrolled, member, pendingOrder };
  const following = await isFollowing(userId, "course", course.id);
  const crumbs = [
    { label: t("home"), href: "/" },
    { label: t("allCourses"), href: "/courses" },
    ...(course.parentCategory ? [{ label: categoryName(course.parentCategory, locale), href: `/courses?category=${course.parentCategory.slug}` }] : []),
    { label: categoryName(course.category, locale), href: `/courses?category=${course.category.slug}` },
    { label: course.title },
  ];

  return (
    <article data-testid="course-detail" className={styles.coursePage}>
      <JsonLd data={courseJsonLd(course, env().APP_URL, tm("siteName"))} />
      <div className={styles.hero}>
        <Container className={styles.heroInner}>
          <div className={styles.heroText}>
            <Breadcrumbs items={crumbs} />
            <h1 className={styles.title}>{course.title}</h1>
            {course.subtitle ? <p className={styles.subtitle}>{course.subtitle}</p> : null}
            <div className={styles.badges}>
              <Badge tone={LEVEL_TONE[course.level]}>{tc(`level.${course.level}`)}</Badge>
              <Badge tone="neutral">{tc(`language.${course.language}`)}</Badge>
              <FollowButton type="course" id={course.id} following={following} back={`/courses/${encodeURIComponent(course.slug)}`} />
            </div>
            <p className={styles.stats}>
              {course.rating !== null ? (
                <span className={styles.rating} data-testid="course-rating">
                  <svg width="16" height="16" viewBox="0 0 20 20" aria-hidden="true">
                    <path d="M10 1.5l2.6 5.4 5.9.8-4.3 4.1 1 5.9L10 14.9l-5.2 2.8 1-5.9L1.5 7.7l5.9-.8z" fill="currentColor" />
                  </svg>
                  {tc("ratingLabel", { rating: formatRating(course.rating, locale), count: course.ratingCount })}
                </span>
              ) : (
                <span>{tc("noRating")}</span>
              )}
              <span className={styles.together}>
                <span aria-hidden="true">·</span>
                <span>{tc("enrolments", { count: course.enrolmentCount })}</span>
              </span>
              <span className={styles.together}>
                <span aria-hidden="true">·</span>
                <span>
                  {tc.rich("teacherLink", {
                    name: course.teacher.name,
                    link: (chunks) => (
                      <Link href={teacherHref(course.teacher)} className={styles.heroTeacherLink} data-testid="hero-teacher-link">
                        {chunks}
                      </Link>
                    ),
                  })}
                </span>
              </span>
            </p>
          </div>
          <aside className={styles.aside} aria-label={t("purchaseLabel")}>
            <div className={styles.cover} style={{ background: coverBackground(course.id, course.category.rootId) }} aria-hidden="true">
              <span>{categoryName(course.category, locale)}</span>
            </div>
            <PurchasePanel course={course} viewer={viewer} />
          </aside>
        </Container>
      </div>
      <Container className={styles.body}>
        <div className={styles.main}>
          <section aria-labelledby="description-heading" className={styles.section}>
            <h2 id="description-heading" className={styles.sectionHeading}>
              {t("descriptionHeading")}
            </h2>
            {/* The section heading is an h2, so the author's h2s become h3s. */}
            <SanitisedHtml html={course.description} className={styles.prose} headingOffset={1} />
          </section>
          <section aria-labelledby="syllabus-heading" className={styles.section}>
            <h2 id="syllabus-heading" className={styles.sectionHeading}>
              {t("syllabusHeading")}
            </h2>
            <p className={styles.sectionNote}>{t("syllabusOverview", { chapters: course.chapters.length, lessons: course.lessonCount, duration: formatDuration(course.totalDurationSeconds, locale) })}</p>
            <Syllabus course={course} enrolled={enrolled} />
          </section>
          <Suspense fallback={<p className={styles.sectionNote}>{tr("loading")}</p>}>
            <ReviewsSection course={course} viewer={{ userId, enrolled }} sort={reviewsView.sort} page={reviewsView.page} />
          </Suspense>
          <Suspense fallback={null}>
            <AlsoTook courseId={course.id} userId={userId} />
          </Suspense>
        </div>
        <div className={styles.side}>
          <TeacherCard teacher={course.teacher} />
        </div>
      </Container>
      <BuyBar course={course} viewer={viewer} />
    </article>
  );
}
