// 403 anywhere outside /admin's own boundary (forbidden() from a page or the admin layout).
import type { Metadata } from "next";
import { SiteShell } from "@/components/site/site-shell";
import { ForbiddenContent, forbiddenMetadata } from "@/components/states/forbidden-content";

export const generateMetadata = (): Promise<Metadata> => forbiddenMetadata();

export default function Forbidden() {
  return (
    <SiteShell>
      <ForbiddenContent />
    </SiteShell>
  );
}
