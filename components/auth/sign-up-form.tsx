"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConsentCheckbox } from "@/components/legal/consent-checkbox";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import { signUpAction, type FormErrorKey, type SignUpState } from "@/lib/auth/account-actions";
import { signUpSchema, type FieldErrorKey } from "@/lib/auth/account-schemas";
import formStyles from "./auth-form.module.css";
import { SendCodeButton } from "./send-code-button";
import { useFormErrors } from "./use-form-errors";

type Field = "name" | "identifier" | "code" | "password" | "terms";
const initial: SignUpState = { fieldErrors: {}, error: null, values: {}, done: false };

export function SignUpForm() {
  const t = useTranslations("SignUp");
  const ta = useTranslations("Account");
  const [state, action, pending] = useActionState(signUpAction, initial);
  const { formRef, clientErrors, check, setFieldError } = useFormErrors<Field>(signUpSchema, state);
  const errors = clientErrors ?? state.fieldErrors;
  const codeError = errors.code ?? (state.error?.startsWith("code_") && !clientErrors ? state.error : undefined);
  const formError = state.error && !state.error.startsWith("code_") && !clientErrors ? state.error : null;
  const fieldError = (key: FieldErrorKey | FormErrorKey | undefined) => (key ? ta(`errors.${key}`) : undefined);

  return (
    <form ref={formRef} action={action} onSubmit={check} className={formStyles.form} noValidate>
      {formError ? (
        <p role="alert" tabIndex={-1} className={formStyles.error} data-testid="sign-up-error">
          {ta(`errors.${formError}`)}
          {formError === "identifier_unavailable" || formError === "signed_up_sign_in_failed" ? (
            <>
              {" "}
              <Link href="/sign-in">{t("signIn")}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <Input label={t("name")} name="name" autoComplete="nickname" required maxLength={64} defaultValue={state.values.name} placeholder={t("namePlaceholder")} error={fieldError(errors.name)} />
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
        purpose="sign_up"
        identifier={() => String(new FormData(formRef.current ?? undefined).get("identifier") ?? "")}
        onInvalidIdentifier={() => setFieldError({ identifier: "identifier_invalid" })}
        sentMessage={t("codeSent")}
      >
        <Input label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required defaultValue={state.values.code} hint={t("codeHint")} error={fieldError(codeError)} />
      </SendCodeButton>
      <Input label={t("password")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} error={fieldError(errors.password)} />
      <ConsentCheckbox
        name="terms"
        testId="terms-consent"
        defaultChecked={state.values.terms === "on"}
        error={fieldError(errors.terms)}
        label={t.rich("terms", {
          // A new tab keeps what has been typed here (and the code just sent) while the documents are read.
          terms: (chunks) => (
            <a href="/terms" target="_blank" rel="noopener">
              {chunks}
              <VisuallyHidden>{t("opensInNewTab")}</VisuallyHidden>
            </a>
          ),
          privacy: (chunks) => (
            <a href="/privacy" target="_blank" rel="noopener">
              {chunks}
              <VisuallyHidden>{t("opensInNewTab")}</VisuallyHidden>
            </a>
          ),
        })}
      />
      <Button type="submit" loading={pending} className={formStyles.submit}>
        {t("submit")}
      </Button>
    </form>
  );
}
