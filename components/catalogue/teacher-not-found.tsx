// "No such teacher": a 404 with its own top-level heading and a way on to the catalogue.
import { getTranslations } from "next-intl/server";
import { Container } from "@/components/ui/container";
import { LinkButton } from "@/components/ui/link-button";
import styles from "./catalogue.module.css";

export async function TeacherNotFound() {
  const [t, tc] = await Promise.all([getTranslations("Teacher"), getTranslations("Catalogue")]);
  return (
    <Container className={styles.notFound} data-testid="teacher-not-found">
      <p className={styles.notFoundCode} aria-hidden="true">
        404
      </p>
      <h1 className={styles.heading}>{t("notFoundTitle")}</h1>
      <p className={styles.count}>{t("notFoundDescription")}</p>
      <LinkButton href="/courses">{tc("browseAll")}</LinkButton>
    </Container>
  );
}

export async function teacherNotFoundMetadata() {
  const t = await getTranslations("Teacher");
  return { title: t("notFoundTitle"), robots: { index: false } };
}
