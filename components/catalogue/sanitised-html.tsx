// The only place the catalogue pages put stored HTML into the page. Descriptions were sanitised when they
// were saved; they are sanitised again here, with the same allow-list, so a row written before a rule
// tightened (or straight into the database) still reaches the reader clean.
import "server-only";
import { sanitizeHtml } from "@/lib/content/sanitize";

/**
 * Moves every heading of sanitised HTML down `by` levels (h2 → h3 …, at most h6), so an author's h2 sits
 * under the page's own section heading. Only tag names change, after sanitising, so nothing can be added.
 */
export function demoteHeadings(html: string, by: number): string {
  if (by <= 0) return html;
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`);
}

/** Props for an element's dangerouslySetInnerHTML, from untrusted HTML. */
export function renderSanitisedHtml(html: string, headingOffset = 0): { __html: string } {
  return { __html: demoteHeadings(sanitizeHtml(html), headingOffset) };
}

export function SanitisedHtml({ html, className, headingOffset = 0 }: { html: string; className?: string; headingOffset?: number }) {
  return <div className={className} dangerouslySetInnerHTML={renderSanitisedHtml(html, headingOffset)} />;
}
