// 403 from the root segment: the admin layout's forbidden() (a person whose roles open no admin section).
// Only the message, without the site's header and footer: every boundary file of the root segment is
// rendered into every page's answer, so a shell here would be rendered and sent again on each request.
// Learner-facing 403s come from the middleware's rewrite to /forbidden, inside the site shell.
import type { Metadata } from "next";
import { ForbiddenContent, forbiddenMetadata } from "@/components/states/forbidden-content";

export const generateMetadata = (): Promise<Metadata> => forbiddenMetadata();

export default function Forbidden() {
  return (
    <main id="main-content">
      <ForbiddenContent />
    </main>
  );
}
