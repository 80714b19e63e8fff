// Unknown URLs anywhere in the site: the learner shell around the 404 message, as a page of its own.
// Next renders this only for a URL no route matches. A root `not-found.tsx` would do the same job, but every
// boundary file of the root segment is rendered into every page's answer, so its shell (header, account menu,
// footer) would be rendered and sent a second time on each request.
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { BaseClientMessages } from "@/components/i18n/client-messages";
import { SiteShell } from "@/components/site/site-shell";
import { NotFoundContent, notFoundMetadata } from "@/components/states/not-found-content";
import "./globals.css";

export const generateMetadata = (): Promise<Metadata> => notFoundMetadata();

export default async function GlobalNotFound() {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <BaseClientMessages>
          <SiteShell>
            <NotFoundContent />
          </SiteShell>
        </BaseClientMessages>
      </body>
    </html>
  );
}
