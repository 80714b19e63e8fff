// "No such course or lesson": a 404 with its own top-level heading and a way back to the catalogue.
import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./catalogue.module.css";

export async function CatalogueNotFound() {
  const t = await getTranslations("Catalogue");
  return (
    <Container className={styles.notFound} data-testid="catalogue-not-found">
      <p className={styles.notFoundCode} aria-hidden="true">
        404
      </p>
      <h1 className={styles.heading}>{t("notFoundTitle")}</h1>
      <p className={styles.count}>{t("notFoundDescription")}</p>
      <LinkButton href="/courses">{t("browseAll")}</LinkButton>
    </Container>
  );
}

export async function catalogueNotFoundMetadata() {
  const t = await getTranslations("Catalogue");
  return { title: t("notFoundTitle"), robots: { index: false } };
}
