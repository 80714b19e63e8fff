import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TimeZoneSync } from "@/components/i18n/time-zone-sync";
import { clientMessages } from "@/lib/i18n/client-messages";
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
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <TimeZoneSync>{children}</TimeZoneSync>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
