"use client";
// Shown in place of an admin page whose server rendering failed (e.g. the database is
// down): the admin frame stays, the details were logged on the server, the admin gets a plain message and a
// retry. `retry` (Next 16) refreshes the route's server data first; `reset` alone would fail again.
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { ErrorState } from "@/components/ui/error-state";

export function AdminSectionError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  const t = useTranslations();
  const [retrying, startRetry] = useTransition();
  return (
    <ErrorState
      headingLevel={1}
      title={t("States.errorTitle")}
      description={t("States.errorDescription")}
      retryLabel={t("Common.retry")}
      retrying={retrying}
      onRetry={() => startRetry(() => retry())}
    />
  );
}
