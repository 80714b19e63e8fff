"use client";
// Shown in place of a users page whose server rendering failed (e.g. the database is down): the admin frame
// stays, the details were logged on the server, the admin gets a plain message and a retry.
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { ErrorState } from "@/components/ui/error-state";

// `retry` (Next 16) refreshes the route's server data before re-rendering; `reset` alone would fail again.
export function UsersError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
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
