import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import styles from "@/components/paths/paths.module.css";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { listPublishedPaths } from "@/lib/paths/paths";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Following.paths");
  return { title: t("title"), description: t("intro") };
}

export default async function PathsPage() {
  const [t, paths] = await Promise.all([getTranslations("Following.paths"), listPublishedPaths()]);
  return (
    <Container>
      <div className={styles.page}>
        <h1 className={styles.title}>{t("title")}</h1>
        <p className={styles.muted}>{t("intro")}</p>
        {paths.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className={styles.list} data-testid="paths">
            {paths.map((p) => (
              <li key={p.id} className={styles.item}>
                <span>
                  <Link href={`/paths/${encodeURIComponent(p.slug)}`}>{p.title}</Link>
                  <br />
                  <span className={styles.muted}>{p.summary.slice(0, 160)}</span>
                </span>
                <span className={styles.muted}>{t("courses", { count: p.courseCount })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Container>
  );
}
