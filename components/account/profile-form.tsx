"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import styles from "@/components/auth/account-forms.module.css";
import formStyles from "@/components/auth/auth-form.module.css";
import { useFormErrors } from "@/components/auth/use-form-errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { renameAction, type RenameState } from "@/lib/auth/account-actions";
import { renameSchema } from "@/lib/auth/account-schemas";

export function ProfileForm({ name }: { name: string }) {
  const t = useTranslations("Account");
  const initial: RenameState = { fieldErrors: {}, error: null, values: { name }, done: false };
  const [state, action, pending] = useActionState(renameAction, initial);
  const { formRef, clientErrors, check } = useFormErrors<"name">(renameSchema, state);
  const error = (clientErrors ?? state.fieldErrors).name;
  return (
    <form ref={formRef} action={action} onSubmit={check} className={formStyles.form} noValidate>
      <Input label={t("name")} name="name" autoComplete="nickname" required maxLength={64} defaultValue={state.values.name ?? name} error={error ? t(`errors.${error}`) : undefined} />
      {state.done && !clientErrors ? (
        <p role="status" className={styles.success}>
          {t("nameSaved")}
        </p>
      ) : null}
      <div>
        <Button type="submit" loading={pending}>
          {t("saveName")}
        </Button>
      </div>
    </form>
  );
}
