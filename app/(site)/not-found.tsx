import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("States");
  return { title: t("notFoundTitle") };
}

export default async function NotFound() {
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
