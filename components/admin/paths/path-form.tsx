"use client";
// A learning path's editor on /admin/paths: address, title, summary, status and the courses in order (course
// addresses, one per line). A plain form posting to the server action; errors are shown per field.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import styles from "@/components/admin/admin-page.module.css";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { savePathAction, type PathFormState } from "@/lib/paths/admin-actions";

const initial: PathFormState = { ok: null, errors: {} };

export interface PathFormValues {
  id: number | null;
  slug: string;
  title: string;
  summary: string;
  status: "draft" | "published";
  courseSlugs: string[];
}

type ErrorKey = "slug" | "required" | "too_long" | "too_many" | "unknown_courses";

export function PathForm({ path }: { path: PathFormValues }) {
  const t = useTranslations("Following.admin");
  const [state, action, pending] = useActionState(savePathAction, initial);
  const err = (field: string) => {
    const code = state.errors[field] as ErrorKey | undefined;
    if (!code) return undefined;
    return code === "unknown_courses" ? t("errors.unknown_courses", { slugs: (state.unknownSlugs ?? []).join(", ") }) : t(`errors.${code}`);
  };
  return (
    <form action={action} className={styles.form} data-testid="path-form" noValidate>
      {path.id !== null ? <input type="hidden" name="id" value={path.id} /> : null}
      <Input label={t("pathTitle")} name="title" defaultValue={path.title} maxLength={191} error={err("title")} data-testid="path-title" />
      <Input label={t("slug")} name="slug" defaultValue={path.slug} maxLength={128} error={err("slug")} data-testid="path-slug" />
      <label>
        {t("summary")}
        <br />
        <textarea name="summary" defaultValue={path.summary} rows={4} cols={60} maxLength={5000} />
      </label>
      {err("summary") ? <p role="alert">{err("summary")}</p> : null}
      <label>
        {t("courses")}
        <br />
        <textarea name="courses" defaultValue={path.courseSlugs.join("\n")} rows={8} cols={60} data-testid="path-courses-input" aria-describedby="path-courses-hint" />
      </label>
      <small id="path-courses-hint">{t("coursesHint")}</small>
      {err("courses") ? (
        <p role="alert" data-testid="path-courses-error">
          {err("courses")}
        </p>
      ) : null}
      <label>
        {t("status")}{" "}
        <select name="status" defaultValue={path.status} data-testid="path-status">
          <option value="draft">{t("draft")}</option>
          <option value="published">{t("published")}</option>
        </select>
      </label>
      <div>
        <Button type="submit" loading={pending} data-testid="path-save">
          {t("save")}
        </Button>
      </div>
      <p role="status" aria-live="polite">
        {state.ok ? t("saved") : state.error ? t(`errors.${state.error}`) : ""}
      </p>
    </form>
  );
}
