"use client";
// Creates a coupon or edits one: code (stored upper-case), percent or fixed amount (entered in yuan), one
// course or all, a use limit, the validity window in China time, and whether it is disabled. Checked in the
// browser with the server's schema; the server adds what only it knows (a code in use, the course, uses).
import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { createCouponAction, updateCouponAction } from "@/lib/orders/admin-coupon-actions";
import { couponFieldErrors, couponInput, initialCouponFormState, type CouponField, type CouponFieldErrors, type CouponFormValues } from "@/lib/orders/admin-coupon-rules";
import adminLook from "@/components/admin/admin-page.module.css";
import styles from "./coupons.module.css";

export interface CouponFormProps {
  /** Absent: a new coupon. */
  coupon?: { id: number; usedCount: number; values: CouponFormValues };
  defaults: CouponFormValues;
}

export function CouponForm({ coupon, defaults }: CouponFormProps) {
  const t = useTranslations("AdminCoupons");
  const [state, action, pending] = useActionState(coupon ? updateCouponAction : createCouponAction, initialCouponFormState(coupon?.values ?? defaults));
  const [clientErrors, setClientErrors] = useState<CouponFieldErrors | null>(null);
  const [kind, setKind] = useState(state.values.kind ?? "percent");
  const errors = clientErrors ?? state.fieldErrors;
  const message = (field: CouponField) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  const v = state.values;

  const check = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const data = Object.fromEntries([...new FormData(form).entries()].filter(([, value]) => typeof value === "string"));
    const parsed = couponInput.safeParse(data);
    if (parsed.success) return setClientErrors(null);
    event.preventDefault();
    setClientErrors(couponFieldErrors(parsed.error));
    requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  return (
    <form action={action} onSubmit={check} className={adminLook.form} noValidate data-testid="coupon-form" key={JSON.stringify(state.values)}>
      {coupon ? <input type="hidden" name="id" value={coupon.id} /> : null}
      <Input label={t("code")} name="code" required maxLength={32} autoComplete="off" spellCheck={false} hint={t("codeHint")} defaultValue={v.code ?? ""} error={message("code")} style={{ textTransform: "uppercase" }} />
      <div className={styles.pair}>
        <label className={styles.label}>
          {t("kind")}
          <select name="kind" className={styles.select} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="percent">{t("kind_percent")}</option>
            <option value="fixed">{t("kind_fixed")}</option>
          </select>
        </label>
        <Input
          label={kind === "percent" ? t("valuePercent") : t("valueYuan")}
          name="value"
          required
          inputMode={kind === "percent" ? "numeric" : "decimal"}
          autoComplete="off"
          defaultValue={v.value ?? ""}
          error={message("value")}
          hint={kind === "percent" ? t("valuePercentHint") : t("valueYuanHint")}
        />
      </div>
      <div className={styles.pair}>
        <Input label={t("courseId")} name="courseId" inputMode="numeric" autoComplete="off" hint={t("courseIdHint")} defaultValue={v.courseId ?? ""} error={message("courseId")} />
        <Input
          label={t("maxUses")}
          name="maxUses"
          inputMode="numeric"
          autoComplete="off"
          hint={coupon ? t("maxUsesHintUsed", { used: coupon.usedCount }) : t("maxUsesHint")}
          defaultValue={v.maxUses ?? ""}
          error={message("maxUses")}
        />
      </div>
      <div className={styles.pair}>
        <Input label={t("startsAt")} name="startsAt" type="datetime-local" required defaultValue={v.startsAt ?? ""} error={message("startsAt")} hint={t("timeHint")} />
        <Input label={t("endsAt")} name="endsAt" type="datetime-local" required defaultValue={v.endsAt ?? ""} error={message("endsAt")} />
      </div>
      <label className={styles.check}>
        <input type="checkbox" name="appliesToPlans" value="on" defaultChecked={v.appliesToPlans === "on" || v.appliesToPlans === "true"} data-testid="coupon-applies-to-plans" />
        {t("appliesToPlans")}
      </label>
      {coupon ? null : (
        <label className={styles.check}>
          <input type="checkbox" name="disabled" value="on" defaultChecked={v.disabled === "on" || v.disabled === "true"} />
          {t("disabledLabel")}
        </label>
      )}
      {state.error ? (
        <p role="alert" className={styles.alert}>
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      {state.done && !clientErrors ? (
        <p role="status" className={styles.success}>
          {t("saved")}
        </p>
      ) : null}
      <div>
        <Button type="submit" loading={pending} data-testid="coupon-submit">
          {coupon ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
