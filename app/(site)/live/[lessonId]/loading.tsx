import { getTranslations } from "next-intl/server";
import styles from "@/components/live/live-room.module.css";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";
import { VisuallyHidden } from "@/components/ui/visually-hidden";

/** The room's shape while the page loads: the player and the chat column. */
export default async function LiveRoomLoading() {
  const t = await getTranslations("Live");
  return (
    <Container>
      <div className={styles.room} role="status" aria-busy="true">
        <VisuallyHidden>{t("loading")}</VisuallyHidden>
        <div className={styles.stage}>
          <Skeleton height="2rem" width="60%" />
          <Skeleton height="22rem" />
        </div>
        <div className={styles.side}>
          <Skeleton height="6rem" />
          <Skeleton height="18rem" />
        </div>
      </div>
    </Container>
  );
}
