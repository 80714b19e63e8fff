"use client";
// The flash-sale editor (create and edit). The start and end are typed on the wall clock of the admin's own
// time zone (the one every time on the site is shown in), which the form states beside them and sends with
// them: the server reads the times in that zone (lib/seckill/admin-schema.ts), so neither the server's zone nor
// a browser's clock can shift a sale. Saving a new sale opens its page.
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { timeZone as fallbackTimeZone } from "@/lib/i18n/config";
import { toZonedInput, zoneLabel } from "@/lib/i18n/time-zone";
import { saveSeckillSale } from "@/lib/seckill/admin-sales";
import type { SaleFormState } from "@/lib/seckill/admin-schema";
import styles from "./seckill.module.css";

export interface SaleFormValues {
  id: number;
  courseId: number;
  priceFen: number;
  seats: number;
  startsAt: string;
  endsAt: string;
  status: "active" | "cancelled";
  taken: number;
}

export function SaleForm({ sale, courses, created }: { sale: SaleFormValues | null; courses: Array<{ id: number; title: string }>; created?: boolean }) {
  const t = useTranslations("AdminSeckill");
  const locale = useLocale();
  const timeZone = useTimeZone() ?? fallbackTimeZone;
  const [state, action, pending] = useActionState<SaleFormState, FormData>(saveSeckillSale, null);
  // Null until edited: an untouched field follows the zone (which can change once the browser has said its own).
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [endsAt, setEndsAt] = useState<string | null>(null);
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const fieldError = (name: string) => (fields[name]?.[0] ? t(`error_${fields[name][0]}` as "error_invalid_input") : undefined);
  const zoneHint = t("timeZoneHint", { zone: timeZone, label: zoneLabel(timeZone, sale ? new Date(sale.startsAt) : new Date(), locale) });

  return (
    <form action={action} className={styles.form} noValidate>
      {sale ? <input type="hidden" name="id" value={sale.id} /> : null}
      <input type="hidden" name="timeZone" value={timeZone} />
      <label className={styles.field}>
        {t("course")}
        <select name="courseId" defaultValue={sale?.courseId ?? ""} required aria-invalid={fields.courseId ? true : undefined}>
          <option value="">{t("chooseCourse")}</option>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        {fieldError("courseId") ? <span className={styles.error}>{fieldError("courseId")}</span> : null}
      </label>
      <Input label={t("price")} name="price" inputMode="decimal" defaultValue={sale ? (sale.priceFen / 100).toFixed(2) : ""} required error={fieldError("price")} hint={t("priceHint")} />
      <Input label={t("seats")} name="seats" type="number" min={Math.max(1, sale?.taken ?? 0)} defaultValue={sale?.seats ?? 100} required error={fieldError("seats")} hint={sale ? t("seatsHint", { taken: sale.taken }) : undefined} />
      <Input
        label={t("startsAt")}
        name="startsAt"
        type="datetime-local"
        value={startsAt ?? (sale ? toZonedInput(new Date(sale.startsAt), timeZone) : "")}
        onChange={(e) => setStartsAt(e.target.value)}
        required
        hint={zoneHint}
        error={fieldError("startsAt")}
        data-testid="sale-starts-at"
      />
      <Input
        label={t("endsAt")}
        name="endsAt"
        type="datetime-local"
        value={endsAt ?? (sale ? toZonedInput(new Date(sale.endsAt), timeZone) : "")}
        onChange={(e) => setEndsAt(e.target.value)}
        required
        hint={zoneHint}
        error={fieldError("endsAt") ?? fieldError("timeZone")}
        data-testid="sale-ends-at"
      />
      {sale ? (
        <label className={styles.field}>
          {t("status")}
          <select name="status" defaultValue={sale.status}>
            <option value="active">{t("status_active")}</option>
            <option value="cancelled">{t("status_cancelled")}</option>
          </select>
        </label>
      ) : null}
      <p className={styles.hint}>{t("onePerLearner")}</p>
      <div className={styles.actions}>
        <Button type="submit" loading={pending}>
          {sale ? t("save") : t("create")}
        </Button>
      </div>
      <p role="status" className={state && !state.ok ? styles.error : styles.success} data-testid="sale-form-message">
        {state?.ok ? t("saved") : state && !state.ok ? t(`error_${state.error}`, { taken: state.taken ?? 0 }) : created ? t("created") : ""}
      </p>
    </form>
  );
}
