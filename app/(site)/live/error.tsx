"use client";
// The room failed to render (the database or Redis is down): a plain message and a retry; details were logged.
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { Container } from "@/components/ui/container";

export default function LiveRoomError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  const t = useTranslations("Live");
  const [retrying, startRetry] = useTransition();
  return (
    <Container>
      <ErrorState headingLevel={1} title={t("errorTitle")} retryLabel={t("retry")} retrying={retrying} onRetry={() => startRetry(() => retry())} />
    </Container>
  );
}
