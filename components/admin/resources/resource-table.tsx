// One category of the resource list: name, kind, method, route, the roles holding it and where it is declared.
import { getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { Badge } from "@/components/ui/badge";

export interface ResourceRow {
  key: string;
  name: string;
  kind: string;
  method: string;
  route: string;
  roles: string[];
  /** The file that declares it, or null when the database has a resource this build does not. */
  source: string | null;
}

export async function ResourceTable({ category, heading, rows }: { category: string; heading: string; rows: ResourceRow[] }) {
  const t = await getTranslations("AdminResources");
  const id = `resources-${category}`;
  return (
    <section aria-labelledby={id} style={{ marginBottom: "1.5rem" }} data-category={category}>
      <h2 id={id} style={{ fontSize: "1.125rem", margin: "0 0 0.5rem" }}>
        {heading} <span className={styles.muted}>({rows.length})</span>
      </h2>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("method")}</th>
              <th scope="col">{t("route")}</th>
              <th scope="col">{t("roles")}</th>
              <th scope="col">{t("source")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-resource-key={r.key}>
                <th scope="row">{r.name}</th>
                <td>
                  <Badge>{r.kind}</Badge>
                </td>
                <td className={styles.mono}>{r.method}</td>
                <td className={styles.mono}>{r.route}</td>
                <td>
                  <ul style={{ margin: 0, paddingLeft: "1rem" }}>
                    {r.roles.map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                </td>
                <td className={`${styles.mono} ${styles.muted}`}>{r.source ?? t("notInCode")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
