import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";
import { VisuallyHidden } from "@/components/ui/visually-hidden";

/** Placeholder heading and table while a roles, resources or audit page loads. */
export async function AdminListLoading() {
  const t = await getTranslations("Common");
  return (
    <div role="status" aria-busy="true" style={{ display: "grid", gap: "1rem" }}>
      <VisuallyHidden>{t("loading")}</VisuallyHidden>
      <Skeleton height="2.25rem" width="12rem" />
      <Skeleton height="3.5rem" />
      <Skeleton height="24rem" />
    </div>
  );
}
