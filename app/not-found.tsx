// Unknown URLs anywhere in the site get the learner shell around the 404 message.
import type { Metadata } from "next";
import { SiteShell } from "@/components/site/site-shell";
import { NotFoundContent, notFoundMetadata } from "@/components/states/not-found-content";

export const generateMetadata = (): Promise<Metadata> => notFoundMetadata();

export default function NotFound() {
  return (
    <SiteShell>
      <NotFoundContent />
    </SiteShell>
  );
}
