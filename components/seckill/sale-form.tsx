"use client";
// The flash-sale editor (create and edit). Times are picked in the browser's local time and sent as ISO
// instants, so the admin's time zone never shifts a sale. Saving a new sale opens its page.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
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

/** `2026-11-21T18:00` in the browser's zone, for datetime-local. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function SaleForm({ sale, courses, created }: { sale: SaleFormValues | null; courses: Array<{ id: number; title: string }>; created?: boolean }) {
  const t = useTranslations("AdminSeckill");
  const [state, action, pending] = useActionState<SaleFormState, FormData>(saveSeckillSale, null);
  const [startsAt, setStartsAt] = useState(toLocalInput(sale?.startsAt));
  const [endsAt, setEndsAt] = useState(toLocalInput(sale?.endsAt));
  const fields = state && !state.ok ? (state.fields ?? {}) : {};
  const fieldError = (name: string) => (fields[name]?.[0] ? t(`error_${fields[name][0]}` as "error_invalid_input") : undefined);

  const submit = (form: FormData) => {
    for (const [name, value] of [
      ["startsAt", startsAt],
      ["endsAt", endsAt],
    ] as const) {
      const at = value ? new Date(value) : null;
      form.set(name, at && !Number.isNaN(at.getTime()) ? at.toISOString() : "");
    }
    action(form);
  };

  return (
    <form action={submit} className={styles.form} noValidate>
      {sale ? <input type="hidden" name="id" value={sale.id} /> : null}
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
      <Input label={t("startsAt")} name="startsAtLocal" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required error={fieldError("startsAt")} />
      <Input label={t("endsAt")} name="endsAtLocal" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} required error={fieldError("endsAt")} />
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
