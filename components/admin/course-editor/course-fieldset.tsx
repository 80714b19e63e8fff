"use client";
// The course's own fields: identity, cover image, prices, level, language, category, teacher and tags.
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { COURSE_LANGUAGES, COURSE_LEVELS } from "@/lib/catalogue/admin-course-schema";
import styles from "./course-editor.module.css";
import type { FormValues } from "./course-fields";
import { uploadImage } from "./upload-image";

export interface Option {
  id: number;
  name: string;
}

interface Props {
  values: FormValues;
  errors: Record<string, string>;
  categories: Option[];
  teachers: Option[];
  onChange: (patch: Partial<FormValues>) => void;
  onError: (key: string) => void;
}

function Field({ label, error, hint, children, id }: { label: string; error?: string; hint?: string; children: (ids: { id: string; describedBy?: string }) => ReactNode; id: string }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({ id, describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className={styles.muted}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CourseFieldset({ values, errors, categories, teachers, onChange, onError }: Props) {
  const t = useTranslations("CourseEditor");
  const base = useId();
  const [uploading, setUploading] = useState(false);
  const err = (key: string) => {
    const code = errors[key];
    if (!code) return undefined;
    const messageKey = `errors.${code}` as Parameters<typeof t>[0];
    return t.has(messageKey) ? t(messageKey) : t("errors.invalid");
  };
  const text = (key: "slug" | "title" | "subtitle", extra: { hint?: string; maxLength: number }) => (
    <Field id={`${base}-${key}`} label={t(`fields.${key}`)} error={err(key)} hint={extra.hint}>
      {({ id, describedBy }) => (
        <input id={id} name={key} value={values[key]} maxLength={extra.maxLength} aria-invalid={errors[key] ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange({ [key]: e.target.value })} />
      )}
    </Field>
  );

  const onCover = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    const result = await uploadImage(file);
    setUploading(false);
    if (result.ok) onChange({ coverUrl: result.url });
    else onError(result.error);
  };

  return (
    <div className={styles.grid}>
      {text("title", { maxLength: 191 })}
      {text("slug", { maxLength: 128, hint: t("slugHint") })}
      {text("subtitle", { maxLength: 255 })}
      <Field id={`${base}-cover`} label={t("fields.coverUrl")} error={err("coverUrl")}>
        {({ id, describedBy }) => (
          <div className={styles.cover}>
            {/* eslint-disable-next-line @next/next/no-img-element -- uploads may live on any https CDN (S3_PUBLIC_URL), outside next/image's configured hosts */}
            {values.coverUrl ? <img src={values.coverUrl} alt={t("coverAlt")} className={styles.coverImage} /> : null}
            <input id={id} type="file" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby={describedBy} aria-busy={uploading || undefined} onChange={(e) => void onCover(e.target.files?.[0])} />
            {values.coverUrl ? (
              <button type="button" className={styles.tool} onClick={() => onChange({ coverUrl: "" })}>
                {t("removeCover")}
              </button>
            ) : null}
          </div>
        )}
      </Field>
      <Field id={`${base}-price`} label={t("fields.price")} error={err("priceFen")} hint={t("priceHint")}>
        {({ id, describedBy }) => <input id={id} inputMode="decimal" value={values.price} aria-invalid={errors.priceFen ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange({ price: e.target.value })} />}
      </Field>
      <Field id={`${base}-member`} label={t("fields.memberPrice")} error={err("memberPriceFen")} hint={t("memberPriceHint")}>
        {({ id, describedBy }) => <input id={id} inputMode="decimal" value={values.memberPrice} aria-invalid={errors.memberPriceFen ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange({ memberPrice: e.target.value })} />}
      </Field>
      <label className={styles.inlineField}>
        <input type="checkbox" checked={values.includedInMembership} onChange={(e) => onChange({ includedInMembership: e.target.checked })} data-testid="course-included-in-membership" />
        <span>{t("fields.includedInMembership")}</span>
      </label>
      <Field id={`${base}-level`} label={t("fields.level")} error={err("level")}>
        {({ id }) => (
          <select id={id} value={values.level} onChange={(e) => onChange({ level: e.target.value })}>
            {COURSE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`level_${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${base}-language`} label={t("fields.language")} error={err("language")}>
        {({ id }) => (
          <select id={id} value={values.language} onChange={(e) => onChange({ language: e.target.value })}>
            {COURSE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language_${l === "zh-CN" ? "zh" : "en"}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${base}-category`} label={t("fields.category")} error={err("categoryId")}>
        {({ id }) => (
          <select id={id} value={values.categoryId} onChange={(e) => onChange({ categoryId: e.target.value })}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${base}-teacher`} label={t("fields.teacher")} error={err("teacherId")}>
        {({ id }) => (
          <select id={id} value={values.teacherId} onChange={(e) => onChange({ teacherId: e.target.value })}>
            {teachers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${base}-tags`} label={t("fields.tags")} error={err("tags")} hint={t("tagsHint")}>
        {({ id, describedBy }) => <input id={id} value={values.tags} aria-invalid={errors.tags ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange({ tags: e.target.value })} />}
      </Field>
    </div>
  );
}
