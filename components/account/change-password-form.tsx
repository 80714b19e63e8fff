"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import styles from "@/components/auth/account-forms.module.css";
import formStyles from "@/components/auth/auth-form.module.css";
import { useFormErrors } from "@/components/auth/use-form-errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { changePasswordAction, type ChangePasswordState, type FormErrorKey } from "@/lib/auth/account-actions";
import { changePasswordSchema, type FieldErrorKey } from "@/lib/auth/account-schemas";

type Field = "currentPassword" | "password";
const initial: ChangePasswordState = { fieldErrors: {}, error: null, values: {}, done: false };

export function ChangePasswordForm() {
  const t = useTranslations("Account");
  const [state, action, pending] = useActionState(changePasswordAction, initial);
  const { formRef, clientErrors, check } = useFormErrors<Field>(changePasswordSchema, state);
  const errors = clientErrors ?? state.fieldErrors;
  const serverError = clientErrors ? null : state.error;
  // A wrong current password belongs to its field; anything else is about the whole form.
  const currentError = errors.currentPassword ?? (serverError === "current_password_wrong" ? serverError : undefined);
  const formError = serverError && serverError !== "current_password_wrong" ? serverError : null;
  const fieldError = (key: FieldErrorKey | FormErrorKey | undefined) => (key ? t(`errors.${key}`) : undefined);
  return (
    <form ref={formRef} action={action} onSubmit={check} className={formStyles.form} noValidate>
      {formError ? (
        <p role="alert" tabIndex={-1} className={formStyles.error}>
          {t(`errors.${formError}`)}
        </p>
      ) : null}
      {state.done && !clientErrors ? (
        <p role="status" className={styles.success} data-testid="password-changed">
          {t("passwordChanged")}
        </p>
      ) : null}
      <Input label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(currentError)} />
      <Input label={t("newPassword")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} error={fieldError(errors.password)} />
      <div>
        <Button type="submit" loading={pending}>
          {t("changePassword")}
        </Button>
      </div>
    </form>
  );
}
