// The before/after of one audit entry as a compact key/value table in a <details>. Values are shown as JSON
// text: React escapes it, so whatever an entry holds is never interpreted as HTML.
import { getTranslations } from "next-intl/server";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import styles from "./audit.module.css";

type Snapshot = Record<string, unknown> | null;

const show = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, Array.isArray(value) && value.length > 3 ? 1 : undefined));

export function diffRows(before: Snapshot, after: Snapshot): { key: string; before: unknown; after: unknown; changed: boolean }[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => {
    const b = before?.[key];
    const a = after?.[key];
    return { key, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) };
  });
}

export async function AuditDiff({ before, after }: { before: Snapshot; after: Snapshot }) {
  const t = await getTranslations("AdminAudit");
  const rows = diffRows(before, after);
  if (rows.length === 0) return <span aria-label={t("details")}>{t("none")}</span>;
  return (
    <details className={styles.details}>
      <summary>{t("details")}</summary>
      <table className={styles.diff}>
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.changed ? styles.changed : undefined} data-changed={r.changed || undefined}>
              <th scope="row">
                <code>{r.key}</code>
                {r.changed ? <VisuallyHidden> ({t("changed")})</VisuallyHidden> : null}
              </th>
              <td>
                <code>{show(r.before)}</code>
              </td>
              <td>
                <code>{show(r.after)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
