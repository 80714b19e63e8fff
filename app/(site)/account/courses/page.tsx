import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "@/components/account/account.module.css";
import { EnrolledCourseList } from "@/components/progress/enrolled-course-list";
import listStyles from "@/components/progress/enrolled-course-list.module.css";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/auth/current-user";
import { enrolledCourses } from "@/lib/progress/queries";

// Per learner and read straight from MySQL: an enrolment a payment created a moment ago is listed at once.
export const dynamic = "force-dynamic";

const PER_PAGE = 10;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("MyCourses"))("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export default async function MyCoursesPage({ searchParams }: Props) {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/courses");
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
  const t = await getTranslations("MyCourses");
  const { items, total } = await enrolledCourses(userId, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const href = (n: number) => (n > 1 ? `/account/courses?page=${n}` : "/account/courses");

  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        {total === 0 ? (
          <EmptyState
            title={t("emptyTitle")}
            description={t("emptyDescription")}
            action={
              <LinkButton href="/courses" data-testid="browse-courses">
                {t("browse")}
              </LinkButton>
            }
          />
        ) : items.length === 0 ? (
          <EmptyState title={t("pageEmpty")} action={<LinkButton href="/account/courses">{t("firstPage")}</LinkButton>} />
        ) : (
          <>
            <p className={styles.muted}>{t("summary", { total })}</p>
            <EnrolledCourseList items={items} />
            {pages > 1 ? (
              <nav className={listStyles.meter} aria-label={t("pagination")} data-testid="pagination">
                {page > 1 ? (
                  <Link href={href(page - 1)} rel="prev">
                    {t("previous")}
                  </Link>
                ) : null}
                <span className={listStyles.meterText}>{t("pageOf", { page, pages })}</span>
                {page < pages ? (
                  <Link href={href(page + 1)} rel="next">
                    {t("next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </div>
    </Container>
  );
}
