import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

/** "Page not found" with a way home; used by every not-found boundary. */
export async function NotFoundContent() {
  const t = await getTranslations();
  return (
    <Container>
      <EmptyState
        headingLevel={2}
        icon={<span style={{ fontSize: "1.5rem", fontWeight: 800 }}>404</span>}
        title={t("States.notFoundTitle")}
        description={t("States.notFoundDescription")}
        action={<LinkButton href="/">{t("Common.backHome")}</LinkButton>}
      />
    </Container>
  );
}

export async function notFoundMetadata() {
  const t = await getTranslations("States");
  return { title: t("notFoundTitle") };
}
