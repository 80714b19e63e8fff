import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LegalDocumentPage } from "@/components/legal/legal-document";
import { termsOfService } from "@/lib/legal/terms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Legal");
  return { title: t("termsTitle"), description: t("termsDescription")};
}

export default async function TermsPage() {
  const t = await getTranslations("Legal");
  return <LegalDocumentPage document={termsOfService} title={t("termsTitle")} testId="terms" />;
}
