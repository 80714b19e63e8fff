"use client";
// One membership plan's editor on /admin/memberships: names, price (yuan), monthly points and on sale or not.
// A plain form posting to the server action, so it works before hydration; errors are shown per field.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import styles from "@/components/admin/admin-page.module.css";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { updatePlanAction, type PlanFormState } from "@/lib/memberships/admin-actions";

const initial: PlanFormState = { ok: null, errors: {} };

export interface PlanFormValues {
  id: number;
  period: string;
  nameZh: string;
  nameEn: string;
  price: string;
  monthlyPoints: number;
  active: boolean;
}

export function PlanForm({ plan }: { plan: PlanFormValues }) {
  const t = useTranslations("AdminMemberships");
  const [state, action, pending] = useActionState(updatePlanAction, initial);
  const err = (field: string) => (state.errors[field] ? t(`errors.${state.errors[field] as "price_invalid"}`) : undefined);
  return (
    <form action={action} className={styles.form} data-testid={`plan-form-${plan.period}`} noValidate>
      <input type="hidden" name="id" value={plan.id} />
      <Input label={t("nameZh")} name="nameZh" defaultValue={plan.nameZh} maxLength={64} error={err("nameZh")} />
      <Input label={t("nameEn")} name="nameEn" defaultValue={plan.nameEn} maxLength={64} error={err("nameEn")} />
      <Input label={t("price")} name="price" defaultValue={plan.price} inputMode="decimal" error={err("price")} data-testid={`plan-price-${plan.period}`} />
      <Input label={t("monthlyPoints")} name="monthlyPoints" defaultValue={String(plan.monthlyPoints)} inputMode="numeric" error={err("monthlyPoints")} />
      <label>
        <input type="checkbox" name="active" defaultChecked={plan.active} data-testid={`plan-active-${plan.period}`} /> {t("active")}
      </label>
      <div>
        <Button type="submit" loading={pending} data-testid={`plan-save-${plan.period}`}>
          {t("save")}
        </Button>
      </div>
      <p role="status" aria-live="polite">
        {state.ok ? t("saved") : state.error ? t(`errors.${state.error}`) : ""}
      </p>
    </form>
  );
}
