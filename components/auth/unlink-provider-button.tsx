"use client";
// The Unlink button of one provider in the linked-providers list, with its error in place.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { unlinkProviderAction, type UnlinkState } from "@/lib/auth/identity-actions";
import styles from "./linked-providers.module.css";

export function UnlinkProviderButton({ provider, label }: { provider: string; label: string }) {
  const t = useTranslations("OAuth");
  const [state, action, pending] = useActionState<UnlinkState, FormData>(unlinkProviderAction, { error: null, done: false });
  return (
    <form action={action} className={styles.unlink}>
      <input type="hidden" name="provider" value={provider} />
      <Button type="submit" variant="ghost" size="sm" loading={pending}>
        {label}
      </Button>
      {state.error ? (
        <p role="alert" className={styles.error} data-testid={`unlink-error-${provider}`}>
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
    </form>
  );
}
