import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

/** "You may not open this": used by every 403 boundary and by the page the middleware rewrites to. */
export async function ForbiddenContent({ inAdmin = false }: { inAdmin?: boolean }) {
  const t = await getTranslations();
  return (
    <Container>
      <EmptyState
        headingLevel={2}
        icon={<span style={{ fontSize: "1.5rem", fontWeight: 800 }}>403</span>}
        title={t("States.forbiddenTitle")}
        description={t("States.forbiddenDescription")}
        action={<LinkButton href={inAdmin ? "/admin" : "/"}>{inAdmin ? t("States.backToAdmin") : t("Common.backHome")}</LinkButton>}
      />
    </Container>
  );
}

export async function forbiddenMetadata() {
  const t = await getTranslations("States");
  return { title: t("forbiddenTitle"), robots: { index: false } };
}
