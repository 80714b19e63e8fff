import { getTranslations } from "next-intl/server";
import styles from "@/components/account/account.module.css";
import { Container } from "@/components/ui/container";
import { Skeleton } from "@/components/ui/skeleton";
import { VisuallyHidden } from "@/components/ui/visually-hidden";

/** Placeholder sections while the account and its sessions load. */
export default async function AccountLoading() {
  const t = await getTranslations("Common");
  return (
    <Container>
      <div className={styles.page} role="status" aria-busy="true">
        <VisuallyHidden>{t("loading")}</VisuallyHidden>
        <Skeleton height="2.25rem" width="12rem" />
        <Skeleton height="14rem" />
        <Skeleton height="14rem" />
        <Skeleton height="10rem" />
      </div>
    </Container>
  );
}
