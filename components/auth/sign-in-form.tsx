"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, type FormEvent } from "react";
import { signInWithPassword, type SignInState } from "@/lib/auth/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import styles from "./auth-form.module.css";

/**
 * Login and password; after too many failed sign-ins to the account (lib/auth/sign-in-guard.ts) the server
 * asks for the code it sent to the account's email or mobile number, and a code field appears.
 * Submitted through the action by hand (not as the form's action) so React does not clear the fields: the
 * password typed stays for the second submission with the code. Without JavaScript the form posts as usual.
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const t = useTranslations("Auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, { error: null, login: "" });
  const needsCode = state.error === "verification_required" || state.error === "verification_failed";
  const codeId = useId();

  // Each answer that asks for the code: an empty field, focused.
  useEffect(() => {
    const field = needsCode ? document.getElementById(codeId) : null;
    if (!(field instanceof HTMLInputElement)) return;
    field.value = "";
    field.focus();
  }, [needsCode, state, codeId]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };

  return (
    <form action={action} onSubmit={submit} className={styles.form} noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {state.error ? (
        <p role="alert" className={styles.error} data-testid="sign-in-error">
          {state.error === "verification_required" ? t("errors.verification_required", { login: state.login }) : t(`errors.${state.error}`)}
        </p>
      ) : null}
      <Input label={t("login")} name="login" autoComplete="username" required defaultValue={state.login} placeholder={t("loginPlaceholder")} />
      <Input label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {needsCode ? (
        <Input
          id={codeId}
          label={t("code")}
          hint={t("codeHint")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          data-testid="sign-in-code"
        />
      ) : null}
      <Button type="submit" loading={pending} className={styles.submit}>
        {t("signIn")}
      </Button>
    </form>
  );
}
