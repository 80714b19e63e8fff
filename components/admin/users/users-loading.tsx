// The placeholder while a users page loads: the shape of the page, announced once as "loading".
import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";
import { VisuallyHidden } from "@/components/ui/visually-hidden";

export async function UsersLoading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-busy="true" style={{ display: "grid", gap: "1rem" }}>
      <VisuallyHidden>{t("loading")}</VisuallyHidden>
      <Skeleton width="12rem" height="2rem" />
      <Skeleton height="4rem" />
      <Skeleton height="20rem" />
    </div>
  );
}
