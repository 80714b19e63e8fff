// The only place the catalogue pages put stored HTML into the page. Descriptions were sanitised when they
// were saved; they are sanitised again here, with the same allow-list, so a row written before a rule
// tightened (or straight into the database) still reaches the reader clean.
import "server-only";
import { sanitizeHtml } from "@/lib/content/sanitize";

/** Props for an element's dangerouslySetInnerHTML, from untrusted HTML. */
export function renderSanitisedHtml(html: string): { __html: string } {
  return { __html: sanitizeHtml(html) };
}

export function SanitisedHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={renderSanitisedHtml(html)} />;
}
