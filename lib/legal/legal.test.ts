// The legal documents' structure: both languages describe the same sections (so anchors such as
// /privacy#cookies work in either), links stay on the site or are mail addresses, and tables are rectangular.
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { privacyPolicy } from "./privacy";
import { termsOfService } from "./terms";
import type { LegalBlock, LegalDocument, Paragraph, VersionedDocument } from "./types";

const documents: Record<string, VersionedDocument> = { terms: termsOfService, privacy: privacyPolicy };

function paragraphs(block: LegalBlock): Paragraph[] {
  if (typeof block === "string" || Array.isArray(block)) return [block as Paragraph];
  if ("list" in block) return [...block.list];
  if ("table" in block) return block.table.rows.flat();
  return [];
}

function links(doc: LegalDocument): string[] {
  const blocks = [...doc.intro, ...doc.sections.flatMap((s) => s.body)];
  return blocks
    .flatMap(paragraphs)
    .flatMap((p) => (typeof p === "string" ? [] : p))
    .flatMap((run) => (typeof run === "string" ? [] : [run.href]));
}

describe.each(Object.entries(documents))("the %s document", (_, document) => {
  it("is dated with a real calendar day", () => {
    expect(document.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${document.updated}T00:00:00Z`).toISOString().slice(0, 10)).toBe(document.updated);
  });

  it("has the same sections, in the same order, in every language, with unique anchors", () => {
    const ids = locales.map((locale) => document[locale].sections.map((s) => s.id));
    for (const list of ids) {
      expect(list).toEqual(ids[0]);
      expect(new Set(list).size).toBe(list.length);
      for (const id of list) expect(id).toMatch(/^[a-z][a-z-]*$/);
    }
    for (const locale of locales) for (const section of document[locale].sections) expect(section.title.trim(), `${locale} ${section.id}`).not.toBe("");
  });

  it("links only to pages of the site, anchors or mail addresses, and to the same places in every language", () => {
    const hrefs = locales.map((locale) => links(document[locale]));
    for (const list of hrefs) {
      for (const href of list) expect(href).toMatch(/^(\/[a-z/-]*|#[a-z-]+|mailto:[^@\s]+@[^@\s]+)$/);
      expect([...list].sort()).toEqual([...hrefs[0]!].sort());
    }
  });

  it("has tables whose rows match their headings", () => {
    for (const locale of locales) {
      for (const block of document[locale].sections.flatMap((s) => s.body)) {
        if (typeof block === "object" && !Array.isArray(block) && "table" in block) {
          for (const row of block.table.rows) expect(row).toHaveLength(block.table.head.length);
        }
      }
    }
  });
});
