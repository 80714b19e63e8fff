import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

/** An unknown or malformed role id, inside the admin frame. */
export default async function RoleNotFound() {
  const [t, tr] = await Promise.all([getTranslations("States"), getTranslations("AdminRoles")]);
  return <EmptyState title={t("notFoundTitle")} description={t("notFoundDescription")} action={<LinkButton href="/admin/roles">{tr("back")}</LinkButton>} />;
}
