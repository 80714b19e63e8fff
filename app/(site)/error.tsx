"use client";
// Shown in place of a page whose server rendering failed (e.g. the database is down). The header and footer
// stay; the details were logged on the server, the reader gets a plain message and a way to try again. One
// boundary serves every site page (nested copies would each ship their own chunk).
// The words are read with useMessages, not useTranslations: they are plain strings, and this boundary loads
// with every site page, which then need not ship the ICU message formatter. The message itself (ErrorState and
// its button) loads only when an error is shown, so pages that render fine do not download it.
import { useMessages } from "next-intl";
import { lazy, Suspense, useTransition } from "react";
import { Container } from "@/components/ui/container";

const ErrorState = lazy(() => import("@/components/ui/error-state").then((m) => ({ default: m.ErrorState })));

// Next 16 passes both `reset` and `retry`. `reset` only re-renders the children it already has, which would
// throw the same server error again; `retry` refreshes the route's server data first, then resets.
export default function SiteError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  const messages = useMessages() as { States?: { errorTitle?: string; errorDescription?: string }; Common?: { retry?: string } };
  const [retrying, startRetry] = useTransition();
  return (
    <Container>
      <Suspense fallback={null}>
        <ErrorState
          headingLevel={1}
          title={messages.States?.errorTitle}
          description={messages.States?.errorDescription}
          retryLabel={messages.Common?.retry}
          retrying={retrying}
          onRetry={() => startRetry(() => retry())}
        />
      </Suspense>
    </Container>
  );
}
