"use client";
// Disable or re-enable a coupon in one step (coupons.setDisabled); the checkout refuses a disabled coupon.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setCouponDisabledAction, type CouponToggleState } from "@/lib/orders/admin-coupon-actions";
import styles from "./coupons.module.css";

const initial: CouponToggleState = { ok: null };

export function CouponToggle({ id, disabled }: { id: number; disabled: boolean }) {
  const t = useTranslations("AdminCoupons");
  const [state, action, pending] = useActionState(setCouponDisabledAction, initial);
  return (
    <form action={action} className={styles.row}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={String(!disabled)} />
      <p className={styles.hint}>{disabled ? t("disabledNote") : t("activeNote")}</p>
      <Button type="submit" variant={disabled ? "primary" : "danger"} size="sm" loading={pending} data-testid="coupon-toggle">
        {disabled ? t("enable") : t("disable")}
      </Button>
      {state.ok === false ? (
        <p role="alert" className={styles.fieldError}>
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
    </form>
  );
}
