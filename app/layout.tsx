import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TimeZoneSync } from "@/components/i18n/time-zone-sync";
import { BaseClientMessages } from "@/components/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return {
    title: { template: "%s · 学府 Xuefu", default: t("homeTitle") },
    description: t("description"),
    applicationName: t("siteName"),
  };
}

export const viewport: Viewport = {
  themeColor: "#3730a3",
  colorScheme: "light",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The locale comes from the NEXT_LOCALE cookie (lib/i18n/request.ts), so every page renders per request.
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <BaseClientMessages>
          <TimeZoneSync>{children}</TimeZoneSync>
        </BaseClientMessages>
      </body>
    </html>
  );
}
