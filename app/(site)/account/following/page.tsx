import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/account/submit-button";
import styles from "@/components/paths/paths.module.css";
import { Badge } from "@/components/ui/badge";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { currentUserId } from "@/lib/auth/current-user";
import { followAction } from "@/lib/paths/actions";
import { listFollows } from "@/lib/paths/follows";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Following.mine"))("title"), robots: { index: false } };
}

export default async function FollowingPage() {
  const userId = await currentUserId();
  if (userId === null) redirect("/sign-in?callbackUrl=/account/following");
  const [t, tp, items] = await Promise.all([getTranslations("Following.mine"), getTranslations("Following.paths"), listFollows(userId)]);
  return (
    <Container>
      <div className={styles.page}>
        <div className={styles.head}>
          <h1 className={styles.title}>{t("title")}</h1>
          <Link href="/paths" data-testid="all-paths-link">
            {tp("title")}
          </Link>
        </div>
        {items.length === 0 ? (
          <EmptyState title={t("empty")} action={<LinkButton href="/paths">{tp("title")}</LinkButton>} />
        ) : (
          <ul className={styles.list} data-testid="following">
            {items.map((item) => (
              <li key={`${item.type}:${item.id}`} className={styles.item} data-testid="followed">
                <span>
                  <Badge tone={item.type === "path" ? "brand" : "neutral"}>{t(item.type)}</Badge> <Link href={`/${item.type === "path" ? "paths" : "courses"}/${encodeURIComponent(item.slug)}`}>{item.title}</Link>
                </span>
                <form action={followAction}>
                  <input type="hidden" name="type" value={item.type} />
                  <input type="hidden" name="id" value={item.id} />
                  <input type="hidden" name="follow" value="0" />
                  <input type="hidden" name="back" value="/account/following" />
                  <SubmitButton variant="secondary" size="sm">
                    {t("unfollow")}
                  </SubmitButton>
                </form>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Container>
  );
}
