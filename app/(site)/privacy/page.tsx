import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LegalDocumentPage } from "@/components/legal/legal-document";
import { privacyPolicy } from "@/lib/legal/privacy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Legal");
  return { title: t("privacyTitle"), description: t("privacyDescription")};
}

export default async function PrivacyPage() {
  const t = await getTranslations("Legal");
  return <LegalDocumentPage document={privacyPolicy} title={t("privacyTitle")} testId="privacy" />;
}
