// The shape of the long legal pages (terms of service, privacy policy). Their text lives in typed modules
// beside this one rather than in the message files: the documents are long, structured (sections, lists, a
// table, links), read as a whole when they change, and dated as one version in both languages. Here each
// language's version is one reviewable block, the compiler checks the structure, and nothing of them reaches
// the browser's message bundle. The pages' chrome (titles, "last updated", the table of contents) stays in
// the `Legal` messages like any other UI text.

/** A link inside a paragraph: a site path (`/orders`), an anchor (`#cookies`) or a `mailto:` address. */
export interface LegalLink {
  text: string;
  href: string;
}

/** A paragraph: plain text, or runs of text and links. */
export type Paragraph = string | ReadonlyArray<string | LegalLink>;

export type LegalBlock = Paragraph | { list: readonly Paragraph[] } | { table: { head: readonly string[]; rows: ReadonlyArray<readonly Paragraph[]> } };

export interface LegalSection {
  /** The anchor, the same in every language so links such as /privacy#cookies work in both. */
  id: string;
  title: string;
  body: readonly LegalBlock[];
}

export interface LegalDocument {
  intro: readonly LegalBlock[];
  sections: readonly LegalSection[];
}

/** One document in every language, with the date of the version both describe. */
export interface VersionedDocument {
  /** YYYY-MM-DD: when this version took effect. */
  updated: string;
  "zh-CN": LegalDocument;
  en: LegalDocument;
}

export const SUPPORT_EMAIL = "support@xuefu.example";
