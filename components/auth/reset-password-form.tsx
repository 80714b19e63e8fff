"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LinkButton } from "@/components/ui/link-button";
import { resetPasswordAction, type FormErrorKey, type ResetPasswordState } from "@/lib/auth/account-actions";
import { resetPasswordSchema, type FieldErrorKey } from "@/lib/auth/account-schemas";
import styles from "./account-forms.module.css";
import formStyles from "./auth-form.module.css";
import { SendCodeButton } from "./send-code-button";
import { useFormErrors } from "./use-form-errors";

type Field = "identifier" | "code" | "password";
const initial: ResetPasswordState = { fieldErrors: {}, error: null, values: {}, done: false };

export function ResetPasswordForm() {
  const t = useTranslations("ResetPassword");
  const ta = useTranslations("Account");
  const [state, action, pending] = useActionState(resetPasswordAction, initial);
  const { formRef, clientErrors, check, setFieldError } = useFormErrors<Field>(resetPasswordSchema, state);

  if (state.done) {
    return (
      <div className={formStyles.form} data-testid="reset-done">
        <p role="status" className={styles.success}>
          <strong>{t("doneTitle")}</strong> {t("doneDescription")}
        </p>
        <LinkButton href="/sign-in" block>
          {t("signInNow")}
        </LinkButton>
      </div>
    );
  }

  const errors = clientErrors ?? state.fieldErrors;
  const codeError = errors.code ?? (state.error?.startsWith("code_") && !clientErrors ? state.error : undefined);
  const formError = state.error && !state.error.startsWith("code_") && !clientErrors ? state.error : null;
  const fieldError = (key: FieldErrorKey | FormErrorKey | undefined) => (key ? ta(`errors.${key}`) : undefined);

  return (
    <form ref={formRef} action={action} onSubmit={check} className={formStyles.form} noValidate>
      {formError ? (
        <p role="alert" tabIndex={-1} className={formStyles.error} data-testid="reset-error">
          {ta(`errors.${formError}`)}
        </p>
      ) : null}
      <Input
        label={t("identifier")}
        name="identifier"
        autoComplete="username"
        required
        defaultValue={state.values.identifier}
        placeholder={t("identifierPlaceholder")}
        error={fieldError(errors.identifier)}
      />
      <SendCodeButton
        purpose="reset_password"
        identifier={() => String(new FormData(formRef.current ?? undefined).get("identifier") ?? "")}
        onInvalidIdentifier={() => setFieldError({ identifier: "identifier_invalid" })}
        sentMessage={t("codeSent")}
      >
        <Input label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required defaultValue={state.values.code} hint={t("codeHint")} error={fieldError(codeError)} />
      </SendCodeButton>
      <Input label={t("password")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} error={fieldError(errors.password)} />
      <Button type="submit" loading={pending} className={formStyles.submit}>
        {t("submit")}
      </Button>
    </form>
  );
}
