import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Container } from "@/components/ui/container";

export default async function LiveRoomNotFound() {
  const t = await getTranslations("Live");
  return (
    <Container>
      <EmptyState title={t("notFoundTitle")} description={t("notFoundText")} />
    </Container>
  );
}
