import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FollowButton } from "@/components/paths/follow-button";
import styles from "@/components/paths/paths.module.css";
import { Container } from "@/components/ui/container";
import { currentUserId } from "@/lib/auth/current-user";
import { isFollowing } from "@/lib/paths/follows";
import { publishedPath } from "@/lib/paths/paths";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = await publishedPath((await params).slug);
  return path ? { title: path.title, description: path.summary.slice(0, 160) } : {};
}

export default async function PathPage({ params }: Props) {
  const path = await publishedPath((await params).slug);
  if (!path) notFound();
  const [t, userId] = await Promise.all([getTranslations("Following.paths"), currentUserId()]);
  const following = await isFollowing(userId, "path", path.id);
  const back = `/paths/${encodeURIComponent(path.slug)}`;
  return (
    <Container>
      <article className={styles.page} data-testid="path-detail">
        <div className={styles.head}>
          <h1 className={styles.title}>{path.title}</h1>
          <FollowButton type="path" id={path.id} following={following} back={back} />
        </div>
        <p className={styles.muted}>
          {t("courses", { count: path.courses.length })} · {t("followers", { count: path.followers })}
        </p>
        {path.summary.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
        <ol className={styles.steps} data-testid="path-courses">
          {path.courses.map((course, i) => (
            <li key={course.id} className={styles.step}>
              <span className={styles.muted}>{t("step", { n: i + 1 })}</span>
              <Link href={`/courses/${encodeURIComponent(course.slug)}`}>{course.title}</Link>
              {course.subtitle ? <span className={styles.muted}>{course.subtitle}</span> : null}
            </li>
          ))}
        </ol>
      </article>
    </Container>
  );
}
