import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import styles from "@/components/api-docs/api-docs.module.css";
import { OperationCard } from "@/components/api-docs/operation-card";
import { Card } from "@/components/ui/card";
import { Container } from "@/components/ui/container";
import { openApiDocument } from "@/lib/api-docs/openapi";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ApiDocs");
  return { title: t("title"), description: t("intro") };
}

/** The API reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const t = await getTranslations("ApiDocs");
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op! })));
  return (
    <Container>
      <div className={styles.page}>
        <header>
          <h1 className={styles.title}>{t("title")}</h1>
          <p className={styles.muted}>{t("intro")}</p>
          <p className={styles.muted}>
            {t("conventions", { shape: '{"error": {"code", "message", "details"}}' })} <a href="/api/v1/openapi.json">{t("downloadJson")}</a>
          </p>
        </header>
        <nav aria-label={t("contents")}>
          <ul className={styles.toc}>
            {operations.map(({ path, method, op }) => (
              <li key={op.operationId}>
                <a href={`#${op.operationId}`}>
                  {method.toUpperCase()} {path}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {operations.map(({ path, method, op }) => (
          <OperationCard key={op.operationId} path={path} method={method} op={op} />
        ))}
        <Card as="section" className={styles.operation} aria-labelledby="schemas-title">
          <h2 className={styles.heading} id="schemas-title">
            {t("schemas")}
          </h2>
          {Object.entries(doc.components.schemas).map(([name, schema]) => (
            <details key={name}>
              <summary>
                <code>{name}</code>
              </summary>
              <pre className={styles.code}>{JSON.stringify(schema, null, 2)}</pre>
            </details>
          ))}
        </Card>
      </div>
    </Container>
  );
}
