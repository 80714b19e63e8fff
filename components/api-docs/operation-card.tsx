import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { OpenApiOperation } from "@/lib/api-docs/openapi";
import styles from "./api-docs.module.css";

const methodTone: Record<string, BadgeTone> = { get: "success", post: "brand", put: "warning", patch: "warning", delete: "danger" };

/** A short type for a JSON Schema: "integer", "string (newest | popular)", "Error". */
function typeOf(schema: Record<string, unknown> | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "";
  if (Array.isArray(schema.enum)) return `${String(schema.type ?? "string")} (${schema.enum.join(" | ")})`;
  const bounds = [schema.minimum !== undefined ? `≥ ${String(schema.minimum)}` : "", schema.maximum !== undefined && Number(schema.maximum) < 1e15 ? `≤ ${String(schema.maximum)}` : ""].filter(Boolean);
  return [String(schema.type ?? "object"), ...bounds].join(" ");
}

function curlExample(method: string, path: string, op: OpenApiOperation): string {
  const url = path.replace("{idOrSlug}", "machine-learning-primer") + (path === "/api/v1/courses" ? "?q=机器学习&per_page=5" : path.endsWith("suggestions") ? "?q=pyth" : "");
  const lines = [`curl -X ${method.toUpperCase()} "https://xuefu.example${url}"`];
  if (op.security) lines.push('  -H "Authorization: Bearer $TOKEN"');
  if (op.requestBody) lines.push(`  -H "Content-Type: application/json" -d '${op.operationId === "createToken" ? '{"login":"learner@example.com","password":"…"}' : '{"purpose":"sign_up","target":"you@example.com"}'}'`);
  return lines.join(" \\\n");
}

export async function OperationCard({ method, path, op }: { method: string; path: string; op: OpenApiOperation }) {
  const t = await getTranslations("ApiDocs");
  // Every documented operation has its summary in the messages; the document's English is the fallback.
  const key = `operations.${op.operationId}` as "operations.listCourses";
  const summary = t.has(key) ? t(key) : op.summary;
  return (
    <Card as="section" className={styles.operation} id={op.operationId} aria-labelledby={`${op.operationId}-title`} data-testid="api-operation">
      <h2 className={styles.heading} id={`${op.operationId}-title`}>
        <Badge tone={methodTone[method] ?? "neutral"}>{method.toUpperCase()}</Badge>
        <code className={styles.path}>{path}</code>
        <span>{summary}</span>
        {op.security ? <Badge tone="warning">{t("authRequired")}</Badge> : null}
      </h2>
      {op.description ? <p className={styles.muted}>{op.description}</p> : null}

      {op.parameters?.length ? (
        <>
          <h3 className={styles.subheading}>{t("parameters")}</h3>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("location")}</th>
                <th>{t("type")}</th>
                <th>{t("required")}</th>
                <th>{t("description")}</th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`}>
                  <td>
                    <code>{p.name}</code>
                  </td>
                  <td>{p.in}</td>
                  <td>{typeOf(p.schema)}</td>
                  <td>{p.required ? t("yes") : t("no")}</td>
                  <td>{p.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {op.requestBody ? (
        <>
          <h3 className={styles.subheading}>{t("requestBody")}</h3>
          <pre className={styles.code}>{JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}</pre>
        </>
      ) : null}

      <h3 className={styles.subheading}>{t("responses")}</h3>
      <table className={styles.table}>
        <tbody>
          {Object.entries(op.responses).map(([status, response]) => (
            <tr key={status}>
              <td>
                <code>{status}</code>
              </td>
              <td>{response.description}</td>
              <td>{typeOf(response.content?.["application/json"].schema)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3 className={styles.subheading}>{t("example")}</h3>
      <pre className={styles.code}>{curlExample(method, path, op)}</pre>
    </Card>
  );
}
