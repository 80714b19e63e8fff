"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import styles from "./auth-form.module.css";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("Auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, { error: null, login: "" });
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {state.error ? (
        <p role="alert" className={styles.error} data-testid="sign-in-error">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      <Input label={t("login")} name="login" autoComplete="username" required defaultValue={state.login} placeholder={t("loginPlaceholder")} />
      <Input label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" loading={pending} className={styles.submit}>
        {t("signIn")}
      </Button>
    </form>
  );
}
